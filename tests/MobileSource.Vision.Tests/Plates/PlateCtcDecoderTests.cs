using MobileSource.Vision.Plates;

namespace MobileSource.Vision.Tests.Plates;

[Collection(OcrCollection.Name)]
public sealed class PlateCtcDecoderTests(OcrFixture ocr)
{
    private OcrDictionary Dictionary => ocr.Models.Dictionary;

    /// <summary>One row per step: each step puts <paramref name="p"/> on its character ('_' = blank) and the rest on blank.</summary>
    private float[] Steps(string labels, float p = 0.9f)
    {
        var classes = Dictionary.ClassCount;
        var probabilities = new float[labels.Length * classes];
        for (var t = 0; t < labels.Length; t++)
        {
            var row = probabilities.AsSpan(t * classes, classes);
            if (labels[t] == '_')
            {
                row[OcrDictionary.Blank] = 1;
                continue;
            }
            row[Dictionary.IndexOf(labels[t])] = p;
            row[OcrDictionary.Blank] = 1 - p;
        }
        return probabilities;
    }

    [Fact]
    public void The_dictionary_is_the_restored_ppocr_keys_with_blank_and_space()
    {
        Assert.Equal(6623 + 2, Dictionary.ClassCount);
        Assert.Equal(4490, Dictionary.IndexOf('豫')); // line 4490 of ppocr_keys_v1.txt; index 0 is the blank
        Assert.Equal(" ", Dictionary[Dictionary.ClassCount - 1]);
    }

    [Fact]
    public void Collapses_repeats_and_keeps_doubles_split_by_a_blank()
    {
        var decoder = new PlateCtcDecoder(Dictionary);

        var decoded = decoder.Decode(Steps("豫豫_FF_1_11_22_3_4_5"), 19);

        Assert.Equal("豫F112345", decoded.Text);
        Assert.All(decoded.CharConfidences, c => Assert.Equal(0.9, c, 3));
    }

    [Fact]
    public void Drops_separators_and_spaces()
    {
        var decoder = new PlateCtcDecoder(Dictionary);

        var decoded = decoder.Decode(Steps("豫_F_·_1_2_3_._4_5_ "), 19);

        Assert.Equal("豫F12345", decoded.Text);
    }

    [Fact]
    public void A_look_alike_chinese_character_cannot_win_the_province_position()
    {
        var decoder = new PlateCtcDecoder(Dictionary);
        var probabilities = Steps("X_F_1_2_3_4_5".Replace('X', '像'));
        var classes = Dictionary.ClassCount;
        probabilities[Dictionary.IndexOf('像')] = 0.6f;
        probabilities[Dictionary.IndexOf('豫')] = 0.3f;
        probabilities[OcrDictionary.Blank] = 0.1f;

        var decoded = decoder.Decode(probabilities, 13);

        Assert.Equal("豫F12345", decoded.Text);
        Assert.Equal(0.3, decoded.CharConfidences[0], 3);
        Assert.True(classes > 0);
    }

    [Fact]
    public void A_digit_in_the_authority_position_becomes_the_most_likely_letter()
    {
        var decoder = new PlateCtcDecoder(Dictionary);
        var probabilities = Steps("豫_8_1_2_3_4_5");
        var row = probabilities.AsSpan(2 * Dictionary.ClassCount, Dictionary.ClassCount);
        row[Dictionary.IndexOf('B')] = 0.05f;

        var decoded = decoder.Decode(probabilities, 13);

        Assert.Equal("豫B12345", decoded.Text);
        Assert.Equal(0.05, decoded.CharConfidences[1], 3);
    }

    [Fact]
    public void Letters_I_and_O_are_never_emitted()
    {
        var decoder = new PlateCtcDecoder(Dictionary);
        var probabilities = Steps("豫_F_1_O_3_I_5");
        var classes = Dictionary.ClassCount;
        probabilities[6 * classes + Dictionary.IndexOf('0')] = 0.05f;
        probabilities[10 * classes + Dictionary.IndexOf('1')] = 0.04f;

        var decoded = decoder.Decode(probabilities, 13);

        Assert.Equal("豫F10315", decoded.Text);
    }

    [Fact]
    public void All_blank_decodes_to_nothing_with_zero_confidence()
    {
        var decoded = new PlateCtcDecoder(Dictionary).Decode(Steps("_____"), 5);

        Assert.Equal("", decoded.Text);
        Assert.Equal(0, decoded.Confidence);
    }
}
