using System.Text;
using MobileSource.Domain.Plates;
using MobileSource.Domain.Vehicles;
using MobileSource.Infrastructure.Registry;
using static MobileSource.Infrastructure.Tests.Registry.RegistryFiles;

namespace MobileSource.Infrastructure.Tests.Registry;

public sealed class RegistryCsvReaderTests
{
    [Fact]
    public async Task Reads_a_row_in_the_administrations_column_names()
    {
        var rows = await ReadAllAsync(Csv(HeavyTruck));

        var row = Assert.Single(rows);
        Assert.Equal(2, row.Line);
        Assert.Empty(row.Errors);
        var v = row.Vehicle!;
        Assert.Equal("豫F12345", v.Plate.Value);
        Assert.Equal(PlateColour.Yellow, v.Colour);
        Assert.Equal(PlateType.Large, v.PlateType);
        Assert.Equal("LFWSRXRJ5HAA00001", v.Vin);
        Assert.Equal(FuelType.Diesel, v.Fuel);
        Assert.Equal(new EmissionStage(3), v.Stage);
        Assert.Equal("CA4250P66K24T1E5", v.Model);
        Assert.Equal("B", v.UseNature);
        Assert.Equal(new DateOnly(2012, 5, 17), v.FirstRegistered);
        Assert.Equal("鹤壁市宏达物流有限公司", v.Owner);
        Assert.Null(v.VehicleClass);
        Assert.Null(v.FleetOperator);
        Assert.False(v.IsKeyFleet);
        Assert.False(v.ObdConnected);
    }

    [Fact]
    public async Task Reads_english_aliases_in_any_case_and_order_with_our_optional_columns_and_ignores_unknown_ones()
    {
        var csv = CsvWith("VIN,Plate Colour,PLATE,fuel,emission_stage,remarks,fleet_operator,key_fleet,obd_connected,vehicle_class,first_registration",
            "lfwsrxrj5haa00001,yellow,豫f·12345,柴油,China VI b,anything,鹤壁市宏达物流有限公司,是,Y,H01,2023/7/1");

        var v = Assert.Single(await ReadAllAsync(csv)).Vehicle!;

        Assert.Equal("豫F12345", v.Plate.Value);
        Assert.Equal(PlateColour.Yellow, v.Colour);
        Assert.Equal(PlateType.Large, v.PlateType); // no plate type column: a yellow plate is a large vehicle
        Assert.Equal("LFWSRXRJ5HAA00001", v.Vin);
        Assert.Equal(FuelType.Diesel, v.Fuel);
        Assert.Equal(new EmissionStage(6, 'b'), v.Stage);
        Assert.Equal("鹤壁市宏达物流有限公司", v.FleetOperator);
        Assert.True(v.IsKeyFleet);
        Assert.True(v.ObdConnected);
        Assert.Equal("H01", v.VehicleClass);
        Assert.Equal(new DateOnly(2023, 7, 1), v.FirstRegistered);
    }

    [Fact]
    public async Task Reads_the_pinyin_names_of_our_own_optional_columns()
    {
        var csv = CsvWith(Header + ",cllx,yyqy,zdjg,obdlw", HeavyTruck + ",H01,鹤壁市宏达物流有限公司,1,0");

        var v = Assert.Single(await ReadAllAsync(csv)).Vehicle!;

        Assert.Equal("H01", v.VehicleClass);
        Assert.Equal("鹤壁市宏达物流有限公司", v.FleetOperator);
        Assert.True(v.IsKeyFleet);
        Assert.False(v.ObdConnected);
    }

    [Fact]
    public async Task Quoted_fields_may_hold_commas_quotes_and_line_breaks_and_lines_stay_physical()
    {
        var csv = Csv(
            "豫F12345,黄,01,LFWSRXRJ5HAA00001,B,国III,\"CA4250,P66\",B,2012-05-17,\"鹤壁市\"\"宏达\"\"物流\nAnnex 2\"",
            SmallCar);

        var rows = await ReadAllAsync(csv);

        Assert.Equal([2, 4], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.True(r.IsValid));
        Assert.Equal("CA4250,P66", rows[0].Vehicle!.Model);
        Assert.Equal("鹤壁市\"宏达\"物流\nAnnex 2", rows[0].Vehicle!.Owner);
    }

    [Fact]
    public async Task A_byte_order_mark_and_crlf_line_ends_are_accepted()
    {
        var text = "\uFEFF" + Header + "\r\n" + HeavyTruck + "\r\n" + SmallCar + "\r\n";

        var rows = await ReadAllAsync(Utf8(text));

        Assert.Equal([2, 3], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.True(r.IsValid));
        Assert.Equal("鹤壁市宏达物流有限公司", rows[0].Vehicle!.Owner);
    }

    [Fact]
    public async Task A_stream_split_into_tiny_reads_gives_the_same_rows()
    {
        var text = "\uFEFF" + Header + "\r\n" + HeavyTruck + "\r\n\"豫FA8888\",\"蓝\",02,,A,\"国VI b\",\"SVW\"\"7\",A,2021-03-02,\"王\r\n秀英\"\r\n" + BlackSmokeBus;
        var bytes = Encoding.UTF8.GetBytes(text);

        foreach (var maxRead in new[] { 1, 2, 3, 5, 7 })
        {
            var rows = await ReadAllAsync(new TrickleStream(bytes, maxRead));

            Assert.Equal([2, 3, 5], rows.Select(r => r.Line));
            Assert.All(rows, r => Assert.True(r.IsValid, string.Join("; ", r.Errors)));
            Assert.Equal("SVW\"7", rows[1].Vehicle!.Model);
            Assert.Equal("王\r\n秀英", rows[1].Vehicle!.Owner);
            Assert.Equal("鹤壁市公共交通总公司", rows[2].Vehicle!.Owner);
        }
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_field_and_the_good_ones_still_come_through()
    {
        var csv = Csv(
            HeavyTruck,
            "豫F1234,黄,01,LFWSRXRJ5HAA00002,B,国III,CA4250,B,2012-05-17,甲",
            "豫F23456,紫,01,LFWSRXRJ5HAA00003,B,国3,CA4250,B,2012-13-01,乙",
            "豫F34567,黄,01,LFWSRXRJ5HAA00004,B,国III",
            "豫F45678,2,02,LSVN-21,X,国7,SVW,A,2019-01-01,丙",
            SmallCar);

        var rows = await ReadAllAsync(csv);

        Assert.Equal(6, rows.Count);
        Assert.Equal(["豫F12345", "豫FA8888"], rows.Where(r => r.IsValid).Select(r => r.Vehicle!.Plate.Value));

        var badPlate = Assert.Single(rows[1].Errors);
        Assert.Equal((3, "hphm"), (badPlate.Line, badPlate.Field));
        Assert.StartsWith("'豫F1234' is not a valid plate: ", badPlate.Reason);

        Assert.Equal([(4, "cpys"), (4, "ccdjrq")], rows[2].Errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("'紫' is not a plate colour", rows[2].Errors[0].Reason);
        Assert.Contains("'2012-13-01' is not a date", rows[2].Errors[1].Reason);

        var short_ = Assert.Single(rows[3].Errors);
        Assert.Equal((5, RegistryRowError.WholeRow), (short_.Line, short_.Field));
        Assert.Equal("line 5 has 6 fields but the header has 10; quote values that contain commas.", short_.Reason);

        Assert.Equal(["clsbdh", "rlzl", "pfbzjd"], rows[4].Errors.Select(e => e.Field));
        Assert.All(rows[4].Errors, e => Assert.Equal(6, e.Line));
    }

    [Fact]
    public async Task Errors_name_the_column_as_the_file_writes_it()
    {
        var csv = CsvWith("PLATE,Plate_Colour,fuel", "豫F12345,黄,kerosene");

        var error = Assert.Single(Assert.Single(await ReadAllAsync(csv)).Errors);

        Assert.Equal("fuel", error.Field);
        Assert.StartsWith("'kerosene' is not a fuel type", error.Reason);
    }

    [Fact]
    public async Task Empty_required_cells_are_errors()
    {
        var rows = await ReadAllAsync(Csv(",,01,,,,,,,"));

        Assert.Equal(["hphm", "cpys", "rlzl"], Assert.Single(rows).Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task A_missing_required_column_rejects_the_file_naming_it()
    {
        var csv = CsvWith("hphm,hpzl,rlzl,syr", "豫F12345,01,B,甲");

        var e = await Assert.ThrowsAsync<RegistryFileException>(() => ReadAllAsync(csv));

        Assert.Equal("cpys", e.Error.Field);
        Assert.StartsWith("required column 'cpys' (plate_colour) is missing from the header row", e.Error.Reason);
    }

    [Fact]
    public async Task An_empty_file_is_rejected()
    {
        var e = await Assert.ThrowsAsync<RegistryFileException>(() => ReadAllAsync(""));

        Assert.Equal(RegistryFileError.WholeFile, e.Error.Field);
        Assert.Contains("header row", e.Error.Reason);
    }

    [Fact]
    public async Task A_gbk_file_is_rejected_as_not_utf8()
    {
        var gbk = new List<byte>(Encoding.ASCII.GetBytes(Header + "\n"));
        gbk.AddRange([0xD4, 0xA5]); // 豫
        gbk.AddRange(Encoding.ASCII.GetBytes("F12345,"));
        gbk.AddRange([0xBB, 0xC6]); // 黄
        gbk.AddRange(Encoding.ASCII.GetBytes(",01,LFWSRXRJ5HAA00001,B,III,CA4250,B,2012-05-17,x\n"));

        var e = await Assert.ThrowsAsync<RegistryFileException>(() => ReadAllAsync(new MemoryStream(gbk.ToArray())));

        Assert.StartsWith("file is not UTF-8 (save it as UTF-8): line 2 ", e.Error.Reason);
        Assert.Contains("GBK", e.Error.Reason);
    }

    [Fact]
    public async Task A_plate_and_colour_given_twice_keeps_the_first_and_rejects_the_later_row()
    {
        var csv = Csv(HeavyTruck, SmallCar, "豫F·12345,1,01,LFWSRXRJ5HAA00009,B,国IV,CA4250,B,2015-01-01,甲", "豫F12345,蓝,02,,A,国V,,,,乙");

        var rows = await ReadAllAsync(csv);

        Assert.True(rows[0].IsValid);
        var duplicate = Assert.Single(rows[2].Errors);
        Assert.Equal((4, "hphm"), (duplicate.Line, duplicate.Field));
        Assert.Contains("duplicate of line 2", duplicate.Reason);
        Assert.True(rows[3].IsValid); // same plate, other colour: another vehicle
    }

    [Fact]
    public async Task Blank_lines_are_skipped()
    {
        var rows = await ReadAllAsync(Header + "\n\n" + HeavyTruck + "\n,,,,,,,,,\n   \n" + SmallCar + "\n\n");

        Assert.Equal([3, 6], rows.Select(r => r.Line));
    }

    [Fact]
    public async Task An_unclosed_quote_is_an_error_of_its_row()
    {
        var rows = await ReadAllAsync(Csv(HeavyTruck) + "豫FA8888,蓝,02,,A,国V,\"SVW,A,2021-03-02,王秀英\n");

        Assert.True(rows[0].IsValid);
        var error = Assert.Single(rows[1].Errors);
        Assert.Equal((3, RegistryRowError.WholeRow), (error.Line, error.Field));
        Assert.Contains("never closed", error.Reason);
    }

    [Theory]
    [InlineData("2012-05-17")]
    [InlineData("2012/05/17")]
    [InlineData("2012/5/17")]
    [InlineData("20120517")]
    [InlineData("2012-05-17 08:30:00")]
    public async Task Reads_first_registration_dates_as_exports_write_them(string date)
    {
        var row = Assert.Single(await ReadAllAsync(Csv($"豫F12345,黄,01,,B,国III,,,{date},")));

        Assert.Equal(new DateOnly(2012, 5, 17), row.Vehicle!.FirstRegistered);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("Y", true)]
    [InlineData("true", true)]
    [InlineData("是", true)]
    [InlineData("0", false)]
    [InlineData("n", false)]
    [InlineData("FALSE", false)]
    [InlineData("否", false)]
    [InlineData("", false)]
    public async Task Reads_yes_no_flags(string flag, bool expected)
    {
        var row = Assert.Single(await ReadAllAsync(CsvWith("hphm,cpys,rlzl,zdjg", $"豫F12345,黄,B,{flag}")));

        Assert.Equal(expected, row.Vehicle!.IsKeyFleet);
    }

    [Theory]
    [InlineData("豫F12345", "黄", PlateType.Large)]
    [InlineData("豫FA8888", "蓝", PlateType.Small)]
    [InlineData("豫F1234挂", "黄", PlateType.Trailer)]
    [InlineData("豫F12345D", "黄绿", PlateType.LargeNewEnergy)]
    [InlineData("豫FD12345", "绿", PlateType.SmallNewEnergy)]
    public async Task Without_a_plate_type_it_is_told_by_the_plate(string plate, string colour, PlateType expected)
    {
        var row = Assert.Single(await ReadAllAsync(Csv($"{plate},{colour},,,B,,,,,")));

        Assert.Equal(expected, row.Vehicle!.PlateType);
    }

    [Fact]
    public async Task Values_longer_than_their_columns_are_errors_not_database_failures()
    {
        var rows = await ReadAllAsync(Csv($"豫F12345,黄,01,{new string('A', 33)},B,国III,{new string('M', 257)},B,2012-05-17,甲"));

        Assert.Equal(["clsbdh", "clxh"], Assert.Single(rows).Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Many_rows_read_in_order_with_their_line_numbers()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => $"豫F{i:00000},黄,01,LFWSRXRJ5HA{i:000000},B,\"国III\",CA4250,B,2012-05-17,\"甲,{i}\"");

        var read = await ReadAllAsync(Csv(rows.ToArray()));

        Assert.Equal(20_000, read.Count);
        Assert.All(read, r => Assert.True(r.IsValid));
        Assert.Equal("甲,19999", read[^1].Vehicle!.Owner);
        Assert.Equal(20_001, read[^1].Line);
    }
}
