using System.Text.Json;

namespace MobileSource.Infrastructure.Sensing;

/// <summary>
/// The JSON keys one C# remote-sensing device program sends (shared/reference/domain-facts.md, seen in deployed code
/// [D]), by the national field each stands for. Units are taken to be the national layout's (speed m/s, gases % and
/// ppm, opacity %): no document of that program's units was found [?]. A record is in this layout when it carries
/// TESTNO and no jlbh.
/// </summary>
public static class DeviceSoftwareLayout
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["jlbh"] = "TESTNO",
        ["dwbh"] = "MN",
        ["ycxbh"] = "LINENO",
        ["cdxh"] = "LaneNumber",
        ["jcrq"] = "TESTDATE",
        ["hphm"] = "LICENSE",
        ["hpzl"] = "LICENSETYPE",
        ["cpys"] = "LICENSECOLOR",
        ["sbzxd"] = "LICENSECONF",
        ["rlzl"] = "FUELTYPE",
        ["co2jg"] = "CO2JG",
        ["cojg"] = "COJG",
        ["hcjg"] = "HCJG",
        ["nojg"] = "NOJG",
        ["btgdjg"] = "BTGD",
        ["lgmhd"] = "LGMHD",
        ["clsd"] = "SPEED",
        ["cljsd"] = "ASPEED",
        ["vsp"] = "VSP",
        ["cdpd"] = "SLOPE",
        ["fs"] = "WSPEED",
        ["hjwd"] = "TEMP",
        ["sd"] = "HUM",
        ["dqy"] = "PRESS",
    };

    public static bool IsUsedBy(JsonElement record)
    {
        var hasTestNo = false;
        foreach (var property in record.EnumerateObject())
        {
            if (property.NameEquals("jlbh"))
            {
                return false;
            }
            hasTestNo |= string.Equals(property.Name, "TESTNO", StringComparison.OrdinalIgnoreCase);
        }
        return hasTestNo;
    }
}
