namespace MobileSource.Tests.Shared;

/// <summary>A small registry export in the vehicle administration's column names.</summary>
public static class RegistryCsv
{
    public const string Header = "hphm,cpys,hpzl,clsbdh,rlzl,pfbzjd,clxh,syxz,ccdjrq,syr";

    public static string Of(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public static string DieselTruck(string plate, string vin, string owner = "鹤壁市宏达物流有限公司") =>
        $"{plate},黄,01,{vin},B,国III,CA4250P66K24T1E5,B,2012-05-17,{owner}";
}
