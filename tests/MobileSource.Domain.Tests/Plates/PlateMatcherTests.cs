using MobileSource.Domain.Plates;

namespace MobileSource.Domain.Tests.Plates;

public class PlateMatcherTests
{
    private static Func<string, bool> Known(params string[] plates) => new HashSet<string>(plates).Contains;

    [Fact]
    public void A_misread_S_ranks_the_known_plate_as_approximate_with_one_substitution()
    {
        var matches = PlateMatcher.Rank("豫F1234S", Known("豫F12345"));

        var match = Assert.Single(matches);
        Assert.Equal("豫F12345", match.Plate.Value);
        Assert.Equal(1, match.Substitutions);
        Assert.True(match.IsApproximate);
    }

    [Fact]
    public void Exact_match_comes_first_and_is_not_approximate()
    {
        var matches = PlateMatcher.Rank("豫F1234S", Known("豫F12345", "豫F1234S", "豫F1Z34S", "豫F1Z345", "豫F1B345"));

        Assert.Equal(["豫F1234S", "豫F12345", "豫F1Z34S", "豫F1Z345"], matches.Select(m => m.Plate.Value));
        Assert.Equal([0, 1, 1, 2], matches.Select(m => m.Substitutions));
        Assert.False(matches[0].IsApproximate);
        Assert.All(matches.Skip(1), m => Assert.True(m.IsApproximate));
    }

    [Fact]
    public void Approximates_are_ordered_by_substitutions_then_ordinally()
    {
        var matches = PlateMatcher.Rank("豫F12345", Known("豫F1Z34S", "豫F1Z345", "豫F1234S", "豫FI2345"));

        Assert.Equal(["豫F1234S", "豫F1Z345", "豫F1Z34S"], matches.Select(m => m.Plate.Value));
        Assert.Equal([1, 1, 2], matches.Select(m => m.Substitutions));
    }

    [Fact]
    public void Nothing_known_gives_nothing()
    {
        Assert.Empty(PlateMatcher.Rank("豫F1234S", Known("豫F99999")));
    }

    [Fact]
    public void A_read_is_normalised_before_matching()
    {
        var match = Assert.Single(PlateMatcher.Rank(" 豫ｆ·１２３４５ ", Known("豫F12345")));
        Assert.Equal(0, match.Substitutions);
    }

    [Fact]
    public void An_invalid_read_with_O_and_I_still_finds_the_plate()
    {
        var match = Assert.Single(PlateMatcher.Rank("豫FO234I", Known("豫F02341")));
        Assert.Equal("豫F02341", match.Plate.Value);
        Assert.Equal(2, match.Substitutions);
    }

    [Fact]
    public void Substitutions_beyond_the_maximum_are_not_tried()
    {
        Assert.Empty(PlateMatcher.Rank("豫FO234I", Known("豫F02341"), maxSubstitutions: 1));
        Assert.Empty(PlateMatcher.Rank("豫F1234S", Known("豫F12345"), maxSubstitutions: 0));
    }

    [Fact]
    public void The_authority_letter_is_varied_among_letters()
    {
        var authority = Assert.Single(PlateMatcher.Rank("豫Q12345", Known("豫D12345")));
        Assert.Equal(1, authority.Substitutions);
        Assert.Empty(PlateMatcher.Rank("豫B12345", Known("豫812345")));
    }
}
