using System.Text;
using MobileSource.Infrastructure.Registry;

namespace MobileSource.Infrastructure.Tests.Registry;

/// <summary>Registry CSV texts for tests, in the vehicle administration's column names.</summary>
internal static class RegistryFiles
{
    public const string Header = "hphm,cpys,hpzl,clsbdh,rlzl,pfbzjd,clxh,syxz,ccdjrq,syr";

    public const string HeavyTruck = "豫F12345,黄,01,LFWSRXRJ5HAA00001,B,国III,CA4250P66K24T1E5,B,2012-05-17,鹤壁市宏达物流有限公司";
    public const string SmallCar = "豫FA8888,蓝,02,LSVNV2182E2100001,A,国VI b,SVW71810BU,A,2021-03-02,王秀英";
    public const string BlackSmokeBus = "豫F52001,黄,01,LGAX2A136J1000001,B,国IV,ZK6105HG,C,2016-09-30,鹤壁市公共交通总公司";

    public static string CsvWith(string header, params string[] rows) => header + "\n" + string.Join("\n", rows) + "\n";

    public static string Csv(params string[] rows) => CsvWith(Header, rows);

    public static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    public static async Task<List<RegistryRow>> ReadAllAsync(Stream csv)
    {
        var rows = new List<RegistryRow>();
        await foreach (var row in RegistryCsvReader.ReadAsync(csv))
        {
            rows.Add(row);
        }
        return rows;
    }

    public static Task<List<RegistryRow>> ReadAllAsync(string csv) => ReadAllAsync(Utf8(csv));
}
