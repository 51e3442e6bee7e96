using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Plates;
using BlacklistRule = MobileSource.Domain.Blacklist.Blacklist;

namespace MobileSource.Domain.Tests.Blacklist;

public class BlacklistTests
{
    private static readonly DateTimeOffset At = new(2024, 9, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly PlateIdentity Truck = new(PlateNumber.Parse("豫F12345"), PlateColour.Yellow);

    private static EnforcementCase OpenCase() =>
        EnforcementCase.Open(Guid.NewGuid(), Truck, ListingReason.BlackSmokeCapture, "capture 17", At, new BlacklistPolicy(), "system");

    private static EnforcementCase ClosedCase()
    {
        var c = OpenCase();
        c.RecordRetest(true, At.AddDays(1), "I-1", "i-station", new BlacklistPolicy { RequireRepairBeforeRetest = false });
        return c;
    }

    [Fact]
    public void No_cases_is_not_listed() => Assert.False(BlacklistRule.IsListed([]));

    [Fact]
    public void Only_closed_cases_is_not_listed() => Assert.False(BlacklistRule.IsListed([ClosedCase(), ClosedCase()]));

    [Fact]
    public void Any_open_case_lists_the_vehicle() => Assert.True(BlacklistRule.IsListed([ClosedCase(), OpenCase()]));
}
