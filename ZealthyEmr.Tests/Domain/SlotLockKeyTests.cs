using ZealthyEmr.Domain.Booking;

namespace ZealthyEmr.Tests.Domain;

public sealed class SlotLockKeyTests
{
    private static readonly Guid Provider = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");

    [Fact]
    public void Key_NamesProviderAndUtcInstant() =>
        Assert.Equal(
            "booking:0193a1b2-0000-7000-8000-000000000001:2026-12-01T17:30:00Z",
            SlotLockKey.For(Provider, new DateTimeOffset(2026, 12, 1, 17, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void TwoSpellingsOfOneInstant_ShareOneKey()
    {
        var pacific = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(-8));
        var utc = new DateTimeOffset(2026, 12, 1, 17, 30, 0, TimeSpan.Zero);
        var fractional = utc.AddTicks(5);

        Assert.Equal(SlotLockKey.For(Provider, utc), SlotLockKey.For(Provider, pacific));
        Assert.Equal(SlotLockKey.For(Provider, utc), SlotLockKey.For(Provider, fractional));
        Assert.Equal(SlotLockKey.For(Provider, utc), SlotLockKey.For(Provider, DateTime.SpecifyKind(utc.UtcDateTime, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void DifferentSlotsOrProviders_GetDifferentKeys()
    {
        var slot = new DateTimeOffset(2026, 12, 1, 17, 30, 0, TimeSpan.Zero);

        Assert.NotEqual(SlotLockKey.For(Provider, slot), SlotLockKey.For(Provider, slot.AddMinutes(30)));
        Assert.NotEqual(SlotLockKey.For(Provider, slot), SlotLockKey.For(Guid.NewGuid(), slot));
    }
}
