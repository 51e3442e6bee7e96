using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Registry.Csv;

namespace MobileSource.Infrastructure.Registry;

/// <summary>Where each registry field sits in a file, and what the file calls it.</summary>
internal sealed class RegistryHeader
{
    private readonly int[] _indexOf;
    private readonly string[] _names;

    private RegistryHeader(int fieldCount, int[] indexOf, string[] names)
    {
        FieldCount = fieldCount;
        _indexOf = indexOf;
        _names = names;
    }

    public int FieldCount { get; }

    /// <summary>The field's index in a row, or -1 if the file has no such column.</summary>
    public int IndexOf(RegistryField field) => _indexOf[(int)field];

    /// <summary>The column name as the file's header writes it (for error messages).</summary>
    public string NameOf(RegistryField field) => _names[(int)field];

    /// <exception cref="RegistryFileException">A required column is missing, or a field has two columns.</exception>
    public static RegistryHeader Read(CsvRecordReader record)
    {
        var fieldCount = RegistryColumns.All.Count;
        var indexOf = Enumerable.Repeat(-1, fieldCount).ToArray();
        var names = RegistryColumns.All.Select(c => c.Pinyin).ToArray();
        var found = new List<string>();
        for (var i = 0; i < record.FieldCount; i++)
        {
            var name = record.Field(i).Trim().ToString();
            found.Add(name);
            if (!RegistryColumns.TryResolve(name, out var column))
            {
                continue; // unknown columns are ignored
            }
            var field = (int)column.Field;
            if (indexOf[field] >= 0)
            {
                throw new RegistryFileException(name,
                    Bilingual.Text($"column '{name}' repeats column '{names[field]}': both are the {column.English} ({column.Pinyin}); keep one.",
                        $"列“{name}”与列“{names[field]}”重复（都是 {column.Pinyin}）：请只保留一列。"));
            }
            indexOf[field] = i;
            names[field] = name;
        }

        var missing = RegistryColumns.All.Where(c => c.Required && indexOf[(int)c.Field] < 0).ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing.Select(c => $"'{c.Pinyin}' ({c.English})"));
            var (noun, verb) = missing.Count == 1 ? ("column", "is") : ("columns", "are");
            throw new RegistryFileException(missing[0].Pinyin,
                Bilingual.Text($"required {noun} {list} {verb} missing from the header row (line 1), which has: {string.Join(", ", found.Select(f => $"'{f}'"))}.",
                    $"表头（第 1 行）缺少必需的列 {string.Join("、", missing.Select(c => c.Pinyin))}；现有列：{string.Join("、", found)}。"));
        }
        return new RegistryHeader(record.FieldCount, indexOf, names);
    }
}
