namespace MobileSource.Tests.Shared;

/// <summary>Device records in the national field layout, as a roadside remote-sensing unit sends them.</summary>
public static class Records
{
    public static Dictionary<string, object?> Diesel(string recordNo, string plate, DateTimeOffset at, double noPpm = 600, double opacity = 8, string site = "HB-RS-001")
        => new()
        {
            ["jlbh"] = recordNo,
            ["dwbh"] = site,
            ["ycxbh"] = "L1",
            ["cdxh"] = 1,
            ["jcrq"] = at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss"),
            ["hphm"] = plate,
            ["cpys"] = "1",
            ["sbzxd"] = 96.5,
            ["rlzl"] = "B",
            ["co2jg"] = 11.2,
            ["cojg"] = 0.05,
            ["hcjg"] = 40,
            ["nojg"] = noPpm,
            ["btgdjg"] = opacity,
            ["clsd"] = 12.5,
            ["cljsd"] = 0.4,
            ["vsp"] = 6.1,
            ["cdpd"] = 0.5,
            ["fs"] = 1.8,
            ["hjwd"] = 12.0,
            ["sd"] = 45,
            ["dqy"] = 100.8,
        };
}
