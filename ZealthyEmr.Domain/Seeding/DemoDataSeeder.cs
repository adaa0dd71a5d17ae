using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Seeding;

/// <summary>
/// The demo clinic. Idempotent: it does nothing once Mark exists. Dates are relative to the day the
/// database is created, so a new user sees visits and refills in the coming week.
/// </summary>
internal sealed class DemoDataSeeder(
    IDbContextFactory<EmrDbContext> contexts,
    UserManager<EmrUser> users,
    ClinicCalendar calendar,
    VisitPlanner planner)
{
    private static readonly (string Name, string Description, string[] Strengths)[] Catalog =
    [
        ("Diovan", "Valsartan, for high blood pressure and heart failure.", ["25mg", "50mg", "100mg"]),
        ("Lexapro", "Escitalopram, for depression and generalised anxiety.", ["5mg", "10mg", "25mg"]),
        ("Metformin", "For type 2 diabetes.", ["250mg", "500mg", "1000mg"]),
        ("Ozempic", "Semaglutide, for type 2 diabetes and weight management.", ["1mg", "2mg"]),
        ("Prozac", "Fluoxetine, for depression and OCD.", ["10mg", "25mg", "50mg"]),
        ("Seroquel", "Quetiapine, for schizophrenia and bipolar disorder.", ["25mg", "50mg", "100mg", "250mg"]),
        ("Tegretol", "Carbamazepine, for epilepsy and nerve pain.", ["100mg", "250mg", "500mg"]),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        // Demo visits are not bookings anyone made: no confirmation emails for them.
        using var quiet = NotificationSuppression.Begin();
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Patients.AnyAsync(p => p.NormalizedEmail == DemoLogins.Mark.ToUpperInvariant(), ct))
        {
            return;
        }

        await AccountSeeder.EnsureUserAsync(users, DemoLogins.Admin, DemoLogins.Password, Roles.Admin, "Clinic Admin");
        await AccountSeeder.EnsureUserAsync(users, DemoLogins.Staff, DemoLogins.Password, Roles.Staff, "Front Desk");

        var kim = NewProvider("Dr Kim West", "Family Medicine");
        var lin = NewProvider("Dr Lin James", "Endocrinology");
        var sally = NewProvider("Dr Sally Field", "Psychiatry");
        db.Providers.AddRange(kim, lin, sally);

        var meds = Catalog.ToDictionary(
            c => c.Name,
            c => new Medication { Name = c.Name, NormalizedName = c.Name.ToUpperInvariant(), Description = c.Description, Strengths = [.. c.Strengths] });
        db.Medications.AddRange(meds.Values);

        var mark = await NewPatientAsync("Mark Johnson", DemoLogins.Mark, new DateOnly(1985, 4, 12), "+1 555 0100");
        var lisa = await NewPatientAsync("Lisa Smith", DemoLogins.Lisa, new DateOnly(1990, 9, 3), "+1 555 0101");
        db.Patients.AddRange(mark, lisa);

        // The original demo had Dr Lin James at 18:30; it is moved inside the 09:00-17:00 demo hours.
        AddSeries(db, mark, kim, NextWeekday(1), new TimeOnly(16, 30), RepeatKind.Weekly);
        AddSeries(db, mark, lin, NextWeekday(2), new TimeOnly(10, 30), RepeatKind.Monthly);
        AddSeries(db, lisa, sally, NextWeekday(3), new TimeOnly(11, 0), RepeatKind.Monthly);
        AddSeries(db, lisa, lin, NextWeekday(1), new TimeOnly(14, 0), RepeatKind.Weekly);

        var today = calendar.Today;
        AddPrescription(db, mark, meds["Lexapro"], "5mg", 2, today.AddDays(3));
        AddPrescription(db, mark, meds["Ozempic"], "1mg", 1, today.AddDays(5));
        AddPrescription(db, lisa, meds["Metformin"], "500mg", 2, today.AddDays(2));
        AddPrescription(db, lisa, meds["Diovan"], "100mg", 1, today.AddDays(6));

        await db.SaveChangesAsync(ct);
    }

    private static Provider NewProvider(string name, string specialty) => new()
    {
        Name = name,
        Specialty = specialty,
        WorkingHours = [.. Enumerable.Range(1, 5).Select(d => new WorkingHours { Day = (DayOfWeek)d, Start = new TimeOnly(9, 0), End = new TimeOnly(17, 0) })],
    };

    private async Task<Patient> NewPatientAsync(string name, string email, DateOnly born, string phone)
    {
        var user = await AccountSeeder.EnsureUserAsync(users, email, DemoLogins.Password, Roles.Patient, name);
        return new Patient
        {
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DateOfBirth = born,
            Phone = phone,
            UserId = user.Id,
        };
    }

    private DateOnly NextWeekday(int daysAhead)
    {
        var date = calendar.Today.AddDays(daysAhead);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private void AddSeries(EmrDbContext db, Patient patient, Provider provider, DateOnly first, TimeOnly at, RepeatKind repeat)
    {
        var series = new AppointmentSeries
        {
            PatientId = patient.Id,
            ProviderId = provider.Id,
            FirstStartLocal = first.ToDateTime(at),
            Repeat = repeat,
            Status = SeriesStatus.Active,
            MaterializedUntilUtc = planner.HorizonUtc(),
        };

        // Monthly dates can land on a weekend; the demo keeps only visits inside working hours.
        series.Visits.AddRange(planner.Plan(series, calendar.UtcNow, series.MaterializedUntilUtc)
            .Where(v => provider.HoursOn(calendar.ToLocal(v.StartUtc).DayOfWeek) is not null));
        db.AppointmentSeries.Add(series);
    }

    private static void AddPrescription(EmrDbContext db, Patient patient, Medication medication, string dosage, int quantity, DateOnly firstRefill) =>
        db.Prescriptions.Add(new Prescription
        {
            PatientId = patient.Id,
            MedicationId = medication.Id,
            Dosage = dosage,
            Quantity = quantity,
            FirstRefill = firstRefill,
            Schedule = RefillSchedule.Monthly,
            IsActive = true,
        });
}
