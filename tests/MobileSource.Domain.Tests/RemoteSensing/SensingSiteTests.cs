using MobileSource.Domain.Limits;
using MobileSource.Domain.RemoteSensing;

namespace MobileSource.Domain.Tests.RemoteSensing;

public class SensingSiteTests
{
    private static readonly DateOnly ValidUntil = new(2026, 12, 31);

    private static SensingSite Site(params SensingLine[] lines) => new("HB-RS-001", "test", lines, new SiteLimits());

    private static SensingLine Line(string no, DateOnly? calibratedOn = null) => new(no, $"RSD-{no}", calibratedOn, ValidUntil);

    [Fact]
    public void A_reading_from_a_registered_calibrated_line_counts()
    {
        Assert.Null(SensingSite.NotForEnforcement(Site(Line("L1")), "HB-RS-001", "L1", ValidUntil));
    }

    [Fact]
    public void An_unregistered_site_is_named()
    {
        Assert.Equal("site HB-RS-099 is not registered", SensingSite.NotForEnforcement(null, "HB-RS-099", "L1", ValidUntil));
    }

    [Fact]
    public void The_day_after_the_certificate_expires_the_instrument_no_longer_counts()
    {
        var reason = SensingSite.NotForEnforcement(Site(Line("L1")), "HB-RS-001", "L1", ValidUntil.AddDays(1));

        Assert.Equal("instrument RSD-L1 on line L1 was out of calibration (valid until 2026-12-31)", reason);
    }

    [Fact]
    public void A_reading_dated_before_the_current_calibration_does_not_count()
    {
        var reason = SensingSite.NotForEnforcement(Site(Line("L1", new DateOnly(2026, 6, 1))), "HB-RS-001", "L1", new DateOnly(2026, 5, 31));

        Assert.Contains("calibrated on 2026-06-01, after the reading", reason);
    }

    [Fact]
    public void An_unknown_line_of_a_known_site_is_named()
    {
        Assert.Equal("sensing line L3 is not registered at site HB-RS-001",
            SensingSite.NotForEnforcement(Site(Line("L1"), Line("L2")), "HB-RS-001", "L3", ValidUntil));
    }

    [Fact]
    public void Line_numbers_match_without_case()
    {
        Assert.Null(SensingSite.NotForEnforcement(Site(Line("L1")), "HB-RS-001", "l1", ValidUntil));
    }

    [Fact]
    public void Without_a_line_number_only_a_single_line_site_is_unambiguous()
    {
        Assert.Null(SensingSite.NotForEnforcement(Site(Line("L1")), "HB-RS-001", null, ValidUntil));
        Assert.Equal("ycxbh (sensing line) is missing and site HB-RS-001 has 2 lines",
            SensingSite.NotForEnforcement(Site(Line("L1"), Line("L2")), "HB-RS-001", null, ValidUntil));
        Assert.Equal("site HB-RS-001 has no registered sensing line", SensingSite.NotForEnforcement(Site(), "HB-RS-001", null, ValidUntil));
    }

    [Fact]
    public void Site_limits_replace_only_the_limits_they_name()
    {
        var city = new EmissionLimits { Gasoline = new GasolineLimits { HcPpm = 1200 } };

        var site = new SiteLimits(DieselOpacityPercent: 25, GasolineNoPpm: 1000).Apply(city);

        Assert.Equal(25, site.Diesel.OpacityPercent);
        Assert.Equal(city.Diesel.NoPpm, site.Diesel.NoPpm);
        Assert.Equal(1000, site.Gasoline.NoPpm);
        Assert.Equal(city.Gasoline.CoPercent, site.Gasoline.CoPercent);
        Assert.Equal(1200, site.Gasoline.HcPpm);
        Assert.Same(city.OverLimitRule, site.OverLimitRule);
        Assert.Same(city, new SiteLimits().Apply(city));
    }
}
