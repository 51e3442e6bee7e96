using MobileSource.Vision.Plates;

namespace MobileSource.Vision.Tests.Plates;

[Collection(OcrCollection.Name)]
public sealed class HomeProvincePriorTests(OcrFixture ocr)
{
    private float[] FirstStep(float home, float other)
    {
        var classes = ocr.Models.Dictionary.ClassCount;
        var probabilities = new float[3 * classes];
        probabilities[ocr.Models.Dictionary.IndexOf('豫')] = home;
        probabilities[ocr.Models.Dictionary.IndexOf('皖')] = other;
        probabilities[OcrDictionary.Blank] = 1 - home - other;
        probabilities[classes + OcrDictionary.Blank] = 1;
        probabilities[2 * classes + ocr.Models.Dictionary.IndexOf('F')] = 1;
        return probabilities;
    }

    [Fact]
    public void An_unsure_foreign_province_becomes_the_home_province()
    {
        var decoder = new PlateCtcDecoder(ocr.Models.Dictionary, '豫', 50);

        var decoded = decoder.Decode(FirstStep(home: 0.05f, other: 0.9f), 3);

        Assert.Equal("豫F", decoded.Text);
        Assert.Equal(0.05 * 50 / (1 + 49 * 0.05), decoded.CharConfidences[0], 3);
    }

    [Fact]
    public void A_clear_foreign_province_stays()
    {
        var decoder = new PlateCtcDecoder(ocr.Models.Dictionary, '豫', 50);

        var decoded = decoder.Decode(FirstStep(home: 0.005f, other: 0.99f), 3);

        Assert.Equal("皖F", decoded.Text);
    }

    [Fact]
    public void Under_the_default_prior_a_small_plate_read_near_certainly_as_another_province_is_local()
    {
        // What the model gives for 豫 on a 14 px plate: 皖 at 0.99.
        var decoder = new PlateCtcDecoder(ocr.Models.Dictionary, '豫', PlateReader.DefaultHomeProvinceWeight);

        var flipped = decoder.Decode(FirstStep(home: 0.002f, other: 0.99f), 3);
        Assert.Equal("豫F", flipped.Text);
        // Chosen by the prior against the model: reported with the x50 posterior, so the read weighs little in a vote.
        Assert.Equal(0.002 * 50 / (1 + 49 * 0.002), flipped.CharConfidences[0], 3);
        Assert.Equal("皖F", decoder.Decode(FirstStep(home: 0.00001f, other: 0.9999f), 3).Text);
    }

    /// <summary>Glyph evidence of <paramref name="ratio"/> for one province, 1 for the others.</summary>
    private static float[] Evidence(char province, float ratio)
    {
        var evidence = Enumerable.Repeat(1f, PlateAlphabet.Provinces.Length).ToArray();
        evidence[PlateAlphabet.Provinces.IndexOf(province)] = ratio;
        return evidence;
    }

    [Fact]
    public void Glyph_evidence_against_the_home_province_lets_the_model_read_a_foreign_plate()
    {
        var decoder = new PlateCtcDecoder(ocr.Models.Dictionary, '豫', PlateReader.DefaultHomeProvinceWeight);
        var probabilities = FirstStep(home: 0.002f, other: 0.99f);
        var runs = decoder.Runs(probabilities, 3);

        Assert.Equal(new[] { (0, 0), (2, 2) }, runs);
        Assert.Equal("豫F", decoder.Decode(probabilities, runs).Text);
        // A classifier sure the glyph is not 豫 (odds 1:10000) undoes the prior: the model's 皖 stands.
        var foreign = decoder.Decode(probabilities, runs, Evidence('豫', 1e-4f));
        Assert.Equal("皖F", foreign.Text);
        // The confidence stays the model's under the capped prior: the classifier picks, it does not vouch.
        Assert.Equal(0.99 / (1 + 49 * 0.002), foreign.CharConfidences[0], 3);
        // One sure it is 豫 turns even a reading the prior alone leaves foreign, with the same low confidence as a
        // province the prior chose.
        var local = decoder.Decode(FirstStep(home: 0.00001f, other: 0.9999f), runs, Evidence('豫', 1e3f));
        Assert.Equal("豫F", local.Text);
        Assert.Equal(0.00001 * 50 / (1 + 49 * 0.00001), local.CharConfidences[0], 5);
        Assert.Equal((0.002f, 0.99f), decoder.ProvinceProbabilities(probabilities, runs[0]));
    }

    [Fact]
    public void Glyph_evidence_picks_among_foreign_provinces_the_model_hesitates_between()
    {
        var decoder = new PlateCtcDecoder(ocr.Models.Dictionary, '豫', PlateReader.DefaultHomeProvinceWeight);
        var probabilities = FirstStep(home: 0.0001f, other: 0.6f);
        probabilities[ocr.Models.Dictionary.IndexOf('鄂')] = 0.3f;
        probabilities[OcrDictionary.Blank] = 0.0999f;
        var runs = decoder.Runs(probabilities, 3);

        Assert.Equal("皖F", decoder.Decode(probabilities, runs).Text);
        var evidence = Evidence('鄂', 10f);
        evidence[PlateAlphabet.Provinces.IndexOf('豫')] = 1e-3f;
        Assert.Equal("鄂F", decoder.Decode(probabilities, runs, evidence).Text);
    }

    [Fact]
    public void Glyph_evidence_weighs_in_the_local_prefix_too_and_must_be_positive_for_every_province()
    {
        var decoder = new PlateCtcDecoder(ocr.Models.Dictionary, '豫', 1000, 'F', 20);
        var probabilities = Prefix(home: 0.0002f, other: 0.99f, f: 0.9f, g: 0.05f);
        var runs = decoder.Runs(probabilities, 3);

        Assert.Equal("豫F", decoder.Decode(probabilities, runs).Text);
        Assert.Equal("皖F", decoder.Decode(probabilities, runs, Evidence('豫', 1e-4f)).Text);
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(probabilities, runs, Evidence('鄂', 0)));
        Assert.Throws<ArgumentException>(() => decoder.Decode(probabilities, runs, [1f, 1f]));
    }

    /// <summary>Province probabilities on step 0, letter probabilities on step 2.</summary>
    private float[] Prefix(float home, float other, float f, float g)
    {
        var classes = ocr.Models.Dictionary.ClassCount;
        var probabilities = FirstStep(home, other);
        probabilities[2 * classes + ocr.Models.Dictionary.IndexOf('F')] = f;
        probabilities[2 * classes + ocr.Models.Dictionary.IndexOf('G')] = g;
        return probabilities;
    }

    [Fact]
    public void The_local_prefix_prior_turns_a_province_read_near_certainly_when_the_letter_is_the_local_city()
    {
        var decoder = new PlateCtcDecoder(ocr.Models.Dictionary, '豫', 1000, 'F', 20);

        // 皖 at 0.99 against 豫 at 0.0002: beyond the province prior alone (x1000), within the prefix's (x20000).
        var local = decoder.Decode(Prefix(home: 0.0002f, other: 0.99f, f: 0.9f, g: 0.05f), 3);
        Assert.Equal("豫F", local.Text);
        // Chosen against the model: reported with the capped posterior, so the read weighs little in a vote.
        Assert.Equal(0.0002 * 50 / (1 + 49 * 0.0002), local.CharConfidences[0], 4);

        // The same province reading with the letter G: another city's plate, left to the province prior, which the
        // model's 0.99 outweighs.
        Assert.Equal("皖G", decoder.Decode(Prefix(home: 0.0002f, other: 0.99f, f: 0.05f, g: 0.9f), 3).Text);
    }

    [Fact]
    public void The_local_prefix_prior_does_not_turn_a_letter_read_clearly()
    {
        var decoder = new PlateCtcDecoder(ocr.Models.Dictionary, '豫', 1000, 'F', 20);

        Assert.Equal("豫G", decoder.Decode(Prefix(home: 0.9f, other: 0.05f, f: 0.02f, g: 0.95f), 3).Text);
    }

    [Fact]
    public void Without_a_prior_the_model_decides()
    {
        var decoded = new PlateCtcDecoder(ocr.Models.Dictionary).Decode(FirstStep(home: 0.05f, other: 0.9f), 3);

        Assert.Equal("皖F", decoded.Text);
    }

    [Fact]
    public void The_home_province_must_be_a_province_and_the_city_a_letter()
    {
        Assert.Throws<ArgumentException>(() => new PlateCtcDecoder(ocr.Models.Dictionary, 'F', 50));
        Assert.Throws<ArgumentException>(() => new PlateCtcDecoder(ocr.Models.Dictionary, '豫', 50, 'I', 20));
    }
}
