using System.Runtime.CompilerServices;
using MobileSource.Domain.Plates;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Registry.Csv;

namespace MobileSource.Infrastructure.Registry;

/// <summary>
/// Reads the vehicle administration's registry export (UTF-8 CSV with a header row; see <see cref="RegistryColumns"/>)
/// as a stream of rows, each a vehicle or its errors. A bad row never stops the good ones; blank lines are skipped.
/// A plate and colour already given by an earlier valid row make the later row a rejected duplicate.
/// </summary>
public static class RegistryCsvReader
{
    /// <exception cref="RegistryFileException">
    /// Thrown while enumerating: the file is empty, not UTF-8, lacks a required column, or has a runaway quote.
    /// </exception>
    public static async IAsyncEnumerable<RegistryRow> ReadAsync(Stream csv, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var record = new CsvRecordReader(csv);
        if (!await record.ReadAsync(ct))
        {
            throw new RegistryFileException(RegistryFileError.WholeFile,
                Bilingual.Text("the file is empty: a header row naming the columns (hphm, cpys, rlzl, ...) is required.",
                    "文件为空：第一行须为列名（hphm、cpys、rlzl 等）。"));
        }
        var header = RegistryHeader.Read(record);
        var mapper = new RegistryRowMapper(header);
        var firstLineOf = new Dictionary<PlateIdentity, int>();

        while (await record.ReadAsync(ct))
        {
            if (record.IsBlank)
            {
                continue;
            }
            var row = mapper.Map(record);
            if (row.Vehicle is { } vehicle && !firstLineOf.TryAdd(vehicle.Identity, row.Line))
            {
                var first = firstLineOf[vehicle.Identity];
                row = RegistryRow.Rejected(row.Line, [new RegistryRowError(row.Line, header.NameOf(RegistryField.Plate),
                    Bilingual.Text($"'{vehicle.Plate.Value}' with plate colour {PlateColourCodes.ToChinese(vehicle.Colour)} is a duplicate of line {first}; the first one is kept.",
                        $"{PlateColourCodes.ToChinese(vehicle.Colour)}牌“{vehicle.Plate.Value}”与第 {first} 行重复；保留第一条。"))]);
            }
            yield return row;
        }
    }
}
