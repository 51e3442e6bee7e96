using MobileSource.Domain.Plates;

namespace MobileSource.Domain.Tests.Plates;

public class PlateLookalikesTests
{
    [Theory]
    [InlineData('0', "DQO")]
    [InlineData('D', "0QO")]
    [InlineData('Q', "0DO")]
    [InlineData('O', "0DQ")]
    [InlineData('8', "B")]
    [InlineData('B', "8")]
    [InlineData('2', "Z")]
    [InlineData('Z', "2")]
    [InlineData('5', "S")]
    [InlineData('S', "5")]
    [InlineData('1', "I")]
    [InlineData('I', "1")]
    [InlineData('7', "")]
    [InlineData('豫', "")]
    public void Alternatives(char c, string expected)
    {
        Assert.Equal(expected, new string(PlateLookalikes.Alternatives(c).ToArray()));
    }

    [Fact]
    public void Variants_are_valid_unique_minimal_and_exclude_the_read()
    {
        var variants = PlateLookalikes.Variants("豫F10825").ToList();

        Assert.DoesNotContain(variants, v => v.Candidate == "豫F10825");
        Assert.Equal(variants.Count, variants.Select(v => v.Candidate).Distinct().Count());
        Assert.All(variants, v => Assert.True(PlateNumber.TryParse(v.Candidate, out _, out _)));
        Assert.All(variants, v => Assert.InRange(v.Substitutions, 1, 2));
        Assert.Contains(("豫F1D825", 1), variants);
        Assert.Contains(("豫F1DB25", 2), variants);
        Assert.DoesNotContain(variants, v => v.Candidate == "豫F1DBZ5"); // 3 substitutions
        Assert.DoesNotContain(variants, v => v.Candidate.Contains('I') || v.Candidate.Contains('O'));
        Assert.Equal(variants.OrderBy(v => v.Substitutions).ThenBy(v => v.Candidate, StringComparer.Ordinal), variants);
    }

    [Fact]
    public void Variants_never_vary_the_province()
    {
        Assert.All(PlateLookalikes.Variants("豫D12345", 2), v => Assert.StartsWith("豫", v.Candidate));
        Assert.Contains(("豫Q12345", 1), PlateLookalikes.Variants("豫D12345", 1));
    }

    [Fact]
    public void Variants_of_a_plate_without_lookalikes_are_empty()
    {
        Assert.Empty(PlateLookalikes.Variants("豫F34679"));
    }

    [Fact]
    public void Negative_maximum_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlateLookalikes.Variants("豫F12345", -1).ToList());
    }
}
