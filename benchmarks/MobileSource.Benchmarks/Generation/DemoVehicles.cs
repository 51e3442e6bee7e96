namespace MobileSource.Benchmarks.Generation;

/// <summary>
/// Vehicles every generated registry starts with, so demos, docs and tests can name them:
/// 豫F12345 is the yellow-plate diesel heavy truck (国III) of the README's walk-through.
/// </summary>
internal static class DemoVehicles
{
    public static readonly IReadOnlyList<GeneratedVehicle> All =
    [
        new("豫F12345", "黄色", "01", "LFWSRXRJ5HAA00001", "B", "国III", "CA4250P66K24T1E5", "F", "2012-05-17",
            "鹤壁市宏达物流有限公司", "Q11", "鹤壁市宏达物流有限公司", KeyFleet: true, ObdConnected: false),
        new("豫FA8888", "蓝色", "02", "LSVNV2182N2100018", "A", "国VI b", "SVW71810BU", "A", "2023-08-02",
            "王秀英", "K33", null, KeyFleet: false, ObdConnected: false),
        new("豫FD12345", "绿色", "52", "LGXCE4CB4P0123456", "C", null, "BYD7003BEV3", "A", "2023-03-15",
            "李娜", "K33", null, KeyFleet: false, ObdConnected: false),
        new("豫F52001", "黄色", "01", "LZYTBTE60J1000521", "B", "国IV", "ZK6105HGC", "C", "2014-09-30",
            "鹤壁市公共交通总公司", "K11", "鹤壁市公共交通总公司", KeyFleet: true, ObdConnected: false),
        new("豫F01818D", "黄绿色", "51", "LZYTETE64M1001818", "C", null, "ZK6105BEVG55", "C", "2021-06-18",
            "鹤壁市公共交通总公司", "K11", "鹤壁市公共交通总公司", KeyFleet: true, ObdConnected: true),
        new("豫FB7766", "黄色", "01", "LZZ5BLSJ4LN600776", "B", "国V", "ZZ4257N3247E1", "F", "2019-11-08",
            "淇县顺安汽车运输有限公司", "Q11", "淇县顺安汽车运输有限公司", KeyFleet: true, ObdConnected: true),
        new("豫FC3210", "黄色", "01", "LFWSRXSJ9PAA03210", "E", "国VI b", "CA4250P66M25T1E6", "F", "2023-09-21",
            "鹤壁市鑫源物流有限公司", "Q11", "鹤壁市鑫源物流有限公司", KeyFleet: false, ObdConnected: true),
        new("豫F67890", "黄色", "01", "LGAX4C356C8067890", "B", "国III", "DFL4251A9", "R", "2011-04-12",
            "浚县通达危险货物运输有限公司", "Q11", "浚县通达危险货物运输有限公司", KeyFleet: true, ObdConnected: false),
        new("豫FT3366", "蓝色", "02", "LHGCR2651K8033660", "E", "国V", "HG7152FAC5", "D", "2018-06-01",
            "鹤壁市永顺出租汽车有限公司", "K33", "鹤壁市永顺出租汽车有限公司", KeyFleet: false, ObdConnected: false),
        new("豫F1234学", "黄色", "16", "LSGKB54H0JA123400", "A", "国V", "SGM7158DAA1", "N", "2018-03-09",
            "鹤壁市大伾驾驶员培训有限公司", "K33", null, KeyFleet: false, ObdConnected: false),
    ];
}
