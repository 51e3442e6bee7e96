namespace MobileSource.Benchmarks.Generation;

/// <summary>Owners and operators as a Hebi registry names them: people for private cars, companies for trucks and buses.</summary>
internal static class HebiNames
{
    // The most common surnames, roughly by frequency, then given-name characters.
    private const string Surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private const string GivenNames = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强红梅玉兰海燕浩然子涵宇轩欣怡梓萱";

    private static readonly string[] Places = ["鹤壁市", "鹤壁市淇滨区", "鹤壁市山城区", "鹤壁市鹤山区", "浚县", "淇县"];
    private static readonly string[] Trades = ["宏达", "永顺", "鑫源", "通达", "华鑫", "恒通", "金象", "中原", "豫鹤", "盛达", "顺安", "兴隆", "瑞丰", "鹏程", "淇河", "朝歌", "大伾"];
    private static readonly string[] Kinds = ["物流有限公司", "运输有限公司", "汽车运输有限公司", "煤业有限公司", "建材有限公司", "商贸有限公司", "混凝土有限公司", "危险货物运输有限公司"];

    public static string Person(Random random)
    {
        var surname = Surnames[Math.Min(random.Next(Surnames.Length), random.Next(Surnames.Length))];
        var given = random.Next(3) == 0
            ? GivenNames[random.Next(GivenNames.Length)].ToString()
            : $"{GivenNames[random.Next(GivenNames.Length)]}{GivenNames[random.Next(GivenNames.Length)]}";
        return surname + given;
    }

    public static string Company(Random random) =>
        $"{Places[random.Next(Places.Length)]}{Trades[random.Next(Trades.Length)]}{Kinds[random.Next(Kinds.Length)]}";
}
