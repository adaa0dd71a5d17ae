using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration;

/// <summary>The booking engine on the embedded default: a real SQLite file and the in-process lock.</summary>
public sealed class BookingServiceTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private EmrAppFactory App => database.App;

    private BookingService Booking => App.Services.GetRequiredService<BookingService>();

    [Fact]
    public async Task Book_FreeSlot_CreatesTheVisit_AndAnnouncesIt()
    {
        var provider = await App.ProviderIdAsync("Dr Sally Field");
        var slot = await App.FreeSlotAsync(provider, daysAhead: 8);
        var (patient, _) = await TwoPatientsAsync();
        var announced = new TaskCompletionSource<EmrChange>();
        using var _ = App.Services.GetRequiredService<ChangeFeed>().Subscribe(c => { announced.TrySetResult(c); return Task.CompletedTask; });

        var result = await Booking.BookAsync(patient, provider, slot);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.False(result.Value!.AlreadyBooked);
        Assert.Equal(1, await App.ActiveVisitsAtAsync(provider, slot));
        var change = await announced.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(ChangeKind.Visits, change.Kind);
        Assert.Equal(provider, change.ProviderId);
        Assert.DoesNotContain(slot, await App.Services.GetRequiredService<AvailabilityService>().GetFreeSlotsAsync(provider, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(slot, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")))));
    }

    [Fact]
    public async Task Book_SameRequestTwice_ReturnsTheVisitAlreadyCreated()
    {
        var provider = await App.ProviderIdAsync("Dr Kim West");
        var slot = await App.FreeSlotAsync(provider, daysAhead: 9);
        var (patient, _) = await TwoPatientsAsync();

        var first = await Booking.BookAsync(patient, provider, slot);
        var second = await Booking.BookAsync(patient, provider, slot);

        Assert.True(second.Succeeded);
        Assert.True(second.Value!.AlreadyBooked);
        Assert.Equal(first.Value!.VisitId, second.Value.VisitId);
        Assert.Equal(1, await App.ActiveVisitsAtAsync(provider, slot));
    }

    [Fact]
    public async Task Book_SlotHeldByAnotherPatient_GetsProviderConflict()
    {
        var provider = await App.ProviderIdAsync("Dr Lin James");
        var slot = await App.FreeSlotAsync(provider, daysAhead: 10);
        var (a, b) = await TwoPatientsAsync();
        await Booking.BookAsync(a, provider, slot);

        var result = await Booking.BookAsync(b, provider, slot);

        Assert.Equal(ErrorCodes.ProviderConflict, result.Error?.Code);
        Assert.Contains("Dr Lin James is already booked", result.Error!.Message);
    }

    [Fact]
    public async Task Book_PatientAlreadySeeingAnotherProviderThen_GetsUserConflict()
    {
        var kim = await App.ProviderIdAsync("Dr Kim West");
        var sally = await App.ProviderIdAsync("Dr Sally Field");
        var slot = await App.FreeSlotAsync(kim, daysAhead: 11, index: 3);
        var (patient, _) = await TwoPatientsAsync();
        Assert.True((await Booking.BookAsync(patient, kim, slot)).Succeeded);

        var result = await Booking.BookAsync(patient, sally, slot);

        Assert.Equal(ErrorCodes.UserConflict, result.Error?.Code);
        Assert.Equal(0, await App.ActiveVisitsAtAsync(sally, slot));
    }

    [Fact]
    public async Task Cancel_ThenAnotherPatientRebooks_Succeeds()
    {
        var provider = await App.ProviderIdAsync("Dr Kim West");
        var slot = await App.FreeSlotAsync(provider, daysAhead: 12);
        var (a, b) = await TwoPatientsAsync();
        var booked = await Booking.BookAsync(a, provider, slot);

        var cancelled = await App.Services.GetRequiredService<VisitService>().CancelAsync(booked.Value!.VisitId, asPatientId: a);
        var rebooked = await Booking.BookAsync(b, provider, slot);

        Assert.True(cancelled.Succeeded);
        Assert.True(rebooked.Succeeded, rebooked.Error?.Message);
        Assert.Equal(b, rebooked.Value!.PatientId);
    }

    [Fact]
    public async Task Cancel_SomeoneElsesVisit_IsNotFound()
    {
        var provider = await App.ProviderIdAsync("Dr Sally Field");
        var slot = await App.FreeSlotAsync(provider, daysAhead: 13);
        var (a, b) = await TwoPatientsAsync();
        var booked = await Booking.BookAsync(a, provider, slot);

        var result = await App.Services.GetRequiredService<VisitService>().CancelAsync(booked.Value!.VisitId, asPatientId: b);

        Assert.Equal(ErrorCodes.NotFound, result.Error?.Code);
        Assert.Equal(1, await App.ActiveVisitsAtAsync(provider, slot));
    }

    [Fact]
    public async Task Book_OutsideWorkingHours_IsRefusedWithTheHours()
    {
        var provider = await App.ProviderIdAsync("Dr Kim West");
        var slot = await App.FreeSlotAsync(provider, daysAhead: 14);

        var result = await Booking.BookAsync((await TwoPatientsAsync()).A, provider, slot.AddHours(-10));

        Assert.Equal(ErrorCodes.Validation, result.Error?.Code);
    }

    [Fact]
    public async Task TwentyConcurrentBookingsOfOneSlot_CreateExactlyOneVisit()
    {
        var provider = await App.ProviderIdAsync("Dr Lin James");
        var slot = await App.FreeSlotAsync(provider, daysAhead: 15);
        var patients = await App.AddPatientsAsync(20, "race");

        var results = await Task.WhenAll(patients.Select(p => Task.Run(() => Booking.BookAsync(p, provider, slot))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Error!.Code, new[] { ErrorCodes.SlotLocked, ErrorCodes.ProviderConflict }));
        Assert.Equal(1, await App.ActiveVisitsAtAsync(provider, slot));
    }

    [Fact]
    public async Task ProviderDeactivatedAfterABooking_TakesNoMoreBookings_DespiteTheProviderCache()
    {
        var admin = App.Services.GetRequiredService<ZealthyEmr.Domain.Providers.ProviderAdminService>();
        var created = await admin.CreateAsync(new ZealthyEmr.Domain.Providers.ProviderInput("Dr Cache Test", "Testing",
            [.. Enumerable.Range(1, 5).Select(d => new ZealthyEmr.Domain.Providers.DayHours((DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(17, 0)))]));
        var provider = created.Value;
        var (a, b) = await TwoPatientsAsync();
        var (first, second) = (await App.FreeSlotAsync(provider), await App.FreeSlotAsync(provider, index: 1));
        Assert.True((await Booking.BookAsync(a, provider, first)).Succeeded);

        Assert.True((await admin.DeactivateAsync(provider)).Succeeded);
        var result = await Booking.BookAsync(b, provider, second);

        Assert.Equal(ErrorCodes.Validation, result.Error?.Code);
        Assert.Contains("not taking new bookings", result.Error!.Message);
    }

    private async Task<(Guid A, Guid B)> TwoPatientsAsync()
    {
        var ids = await App.AddPatientsAsync(2, "booker");
        return (ids[0], ids[1]);
    }
}
