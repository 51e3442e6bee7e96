namespace MobileSource.Vision.Plates;

/// <summary>
/// The PP-OCR character list as the recognition model's output classes: index 0 is the CTC blank, then one class
/// per line of ppocr_keys_v1.txt, then a space (PaddleOCR's use_space_char).
/// </summary>
public sealed class OcrDictionary
{
    public const int Blank = 0;
    private const int ExpectedKeys = 6623;

    private readonly string[] _characters;

    private OcrDictionary(string[] characters) => _characters = characters;

    /// <summary>Number of output classes (blank + keys + space).</summary>
    public int ClassCount => _characters.Length;

    /// <summary>The text of a class: one character, possibly outside the BMP (a surrogate pair).</summary>
    public string this[int index] => _characters[index];

    public static OcrDictionary Load(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length != ExpectedKeys)
        {
            throw new InvalidDataException($"{path}: expected {ExpectedKeys} keys (ppocr_keys_v1.txt), found {lines.Length} lines");
        }
        var characters = new string[lines.Length + 2];
        characters[Blank] = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].EnumerateRunes().Count() != 1)
            {
                throw new InvalidDataException($"{path}: line {i + 1} must hold one character, got '{lines[i]}'");
            }
            characters[i + 1] = lines[i];
        }
        characters[^1] = " ";
        return new OcrDictionary(characters);
    }

    /// <summary>The class index of <paramref name="c"/>, or -1 when the dictionary lacks it.</summary>
    public int IndexOf(char c)
    {
        for (var i = 1; i < _characters.Length; i++)
        {
            if (_characters[i].Length == 1 && _characters[i][0] == c)
            {
                return i;
            }
        }
        return -1;
    }
}
