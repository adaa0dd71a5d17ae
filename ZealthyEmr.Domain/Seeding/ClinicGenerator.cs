using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Domain.Search;

namespace ZealthyEmr.Domain.Seeding;

/// <summary>
/// Fills a database the app has already migrated and seeded (roles, medications) with a clinic of any size,
/// through prepared SQLite inserts in one transaction: EF change tracking would take minutes for 100,000 patients.
/// Values are written exactly as EF Core stores them (upper-case Guid text, "yyyy-MM-dd HH:mm:ss.FFFFFFF"
/// instants, owned hours as JSON), so the app's own queries and unique indexes see ordinary rows.
/// Each provider gets about <see cref="ClinicGeneratorOptions.PatientsPerProvider"/> patients, one series each:
/// weekly series on distinct morning slots of the week, monthly ones on distinct (day of month, early afternoon)
/// pairs, single visits on distinct weekdays late in the afternoon, so no two visits ever share a slot.
/// </summary>
public sealed class ClinicGenerator(ClinicCalendar calendar)
{
    private const int SlotsPerDay = 16;

    private static readonly string[] FirstNames =
        ["Ava", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Henry", "Isla", "Jack", "Kara", "Liam", "Maya", "Noah",
         "Olivia", "Paul", "Quinn", "Ruby", "Sam", "Tara", "Uma", "Victor", "Wendy", "Xavier", "Yara", "Zane"];

    private static readonly string[] LastNames =
        ["Adams", "Brown", "Chen", "Davis", "Evans", "Garcia", "Harris", "Ito", "Jones", "Khan", "Lopez", "Miller", "Nguyen",
         "Okafor", "Patel", "Quintero", "Rossi", "Smith", "Taylor", "Usman", "Vargas", "Walker", "Young", "Zhang"];

    private static readonly string[] Specialties = ["Family Medicine", "Endocrinology", "Psychiatry", "Cardiology", "Dermatology"];

    public async Task<GeneratedClinic> GenerateAsync(string connectionString, ClinicGeneratorOptions options, CancellationToken ct = default)
    {
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var watch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var roleId = Scalar(connection, "SELECT \"Id\" FROM \"AspNetRoles\" WHERE \"NormalizedName\" = 'PATIENT'")
            ?? throw new InvalidOperationException("The Patient role is missing; let the app migrate and seed the database first.");
        var medications = ReadMedications(connection);
        if (medications.Count == 0)
        {
            throw new InvalidOperationException("No medications to prescribe; let the app seed its demo catalog first.");
        }

        using var transaction = connection.BeginTransaction();
        var run = new Run(calendar, options, connection, transaction, roleId, medications);
        var result = run.Write(ct);
        using (var refresh = connection.CreateCommand())
        {
            // The generated clinic is searchable as soon as it is committed, like the app's own writes after their next search.
            refresh.Transaction = transaction;
            refresh.CommandText = SqliteSearchQueue.RefreshAllSql;
            refresh.ExecuteNonQuery();
        }

        // A bulk load, like the app's upkeep (SqliteSearchIndexUpkeep), leaves each search index merged into one b-tree.
        foreach (var index in SqliteSearchIndexUpkeep.Indexes)
        {
            while (MergeStepWorked(connection, transaction, index))
            {
                // One step merges about SqliteSearchIndexUpkeep.PagesPerStep pages; the last one finds nothing left.
            }
        }

        transaction.Commit();
        return result with { Elapsed = watch.Elapsed };
    }

    private static bool MergeStepWorked(SqliteConnection connection, SqliteTransaction transaction, string index)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT total_changes()";
        var before = (long)command.ExecuteScalar()!;
        command.CommandText = SqliteSearchIndexUpkeep.MergeStep(index);
        command.ExecuteNonQuery();
        command.CommandText = "SELECT total_changes()";
        return (long)command.ExecuteScalar()! - before >= 2;
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    private static List<(string Id, string[] Strengths)> ReadMedications(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"Strengths\" FROM \"Medications\" WHERE \"IsRetired\" = 0 ORDER BY \"Name\"";
        using var reader = command.ExecuteReader();
        var found = new List<(string, string[])>();
        while (reader.Read())
        {
            var strengths = JsonSerializer.Deserialize<string[]>(reader.GetString(1)) ?? [];
            if (strengths.Length > 0)
            {
                found.Add((reader.GetString(0), strengths));
            }
        }

        return found;
    }

    private sealed class Run(
        ClinicCalendar calendar,
        ClinicGeneratorOptions options,
        SqliteConnection connection,
        SqliteTransaction transaction,
        string roleId,
        List<(string Id, string[] Strengths)> medications)
    {
        private readonly string stamp = Instant(calendar.UtcNow);
        private readonly DateOnly today = calendar.Today;
        private readonly DateTime horizonUtc = calendar.ToUtc(calendar.LocalNow.Date.AddMonths(options.MaterializedMonths));
        private readonly List<DateOnly> weekdays = NextWeekdays(calendar.Today, 130);
        private int series;
        private int visits;
        private int prescriptions;

        public GeneratedClinic Write(CancellationToken ct)
        {
            using var providerRows = new SqliteRowWriter(connection, transaction, "Providers",
                "Id", "Name", "Specialty", "IsActive", "WorkingHours", "CreatedUtc", "UpdatedUtc", "Version");
            using var userRows = new SqliteRowWriter(connection, transaction, "AspNetUsers",
                "Id", "DisplayName", "PrefersDarkMode", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");
            using var roleRows = new SqliteRowWriter(connection, transaction, "AspNetUserRoles", "UserId", "RoleId");
            using var patientRows = new SqliteRowWriter(connection, transaction, "Patients",
                "Id", "Name", "Email", "NormalizedEmail", "NormalizedName", "SortName", "DateOfBirth", "Phone", "UserId", "CreatedUtc", "UpdatedUtc", "Version");
            using var seriesRows = new SqliteRowWriter(connection, transaction, "AppointmentSeries",
                "Id", "PatientId", "ProviderId", "FirstStartLocal", "Repeat", "Status", "MaterializedUntilUtc", "CreatedUtc", "UpdatedUtc", "Version");
            using var visitRows = new SqliteRowWriter(connection, transaction, "Visits",
                "Id", "SeriesId", "PatientId", "ProviderId", "StartUtc", "OccurrenceUtc", "Status", "CreatedUtc", "UpdatedUtc", "Version");
            using var prescriptionRows = new SqliteRowWriter(connection, transaction, "Prescriptions",
                "Id", "PatientId", "MedicationId", "Dosage", "Quantity", "FirstRefill", "Schedule", "IsActive", "CreatedUtc", "UpdatedUtc", "Version");

            var perProvider = options.PatientsPerProvider;
            var providers = new List<(Guid Id, TimeOnly Start)>();
            for (var p = 0; p < (options.Patients + perProvider - 1) / perProvider; p++)
            {
                var start = new TimeOnly(8 + (p % 2), 0);
                var provider = (Guid.CreateVersion7(), start);
                providers.Add(provider);
                providerRows.Insert(Id(provider.Item1), $"Dr {Name(p * 7)}", Specialties[p % Specialties.Length], 1,
                    HoursJson(start, start.Add(calendar.Slot * SlotsPerDay)), stamp, stamp, Id(Guid.NewGuid()));
            }

            var generated = new List<GeneratedPatient>(options.Patients);
            for (var i = 0; i < options.Patients; i++)
            {
                if (i % 4096 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                var (providerId, providerStart) = providers[i / perProvider];
                var name = Name(i);
                var email = $"{options.EmailPrefix}{i:D6}@clinic.example";
                var userId = Guid.NewGuid().ToString();
                userRows.Insert(userId, name, 0, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), 1,
                    options.PasswordHash, Guid.NewGuid().ToString("N").ToUpperInvariant(), Guid.NewGuid().ToString(), 0, 0, 1, 0);
                roleRows.Insert(userId, roleId);

                var patientId = Guid.CreateVersion7();
                patientRows.Insert(Id(patientId), name, email, email.ToUpperInvariant(), name.ToUpperInvariant(), PatientNames.SortKey(name),
                    Date(new DateOnly(1940, 1, 1).AddDays(i * 37 % 25_000)), $"+1 555 {i % 10_000:D4}", userId, stamp, stamp, Id(Guid.NewGuid()));

                RepeatKind? repeat = i < options.Patients - options.UnscheduledPatients ? (RepeatKind)(((i % perProvider) % 3 + 1) % 3) : null;
                if (repeat is { } kind)
                {
                    WriteSeries(seriesRows, visitRows, patientId, providerId, providerStart, kind, (i % perProvider) / 3);
                }

                for (var j = 0; j < i % 3; j++)
                {
                    var (medicationId, strengths) = medications[(i + j) % medications.Count];
                    prescriptionRows.Insert(Id(Guid.CreateVersion7()), Id(patientId), medicationId, strengths[i % strengths.Length], 1 + (i % 3),
                        Date(today.AddDays((i * 7 + j) % 28)), (i + j) % 2, 1, stamp, stamp, Id(Guid.NewGuid()));
                    prescriptions++;
                }

                generated.Add(new GeneratedPatient(patientId, email, providerId, repeat));
            }

            return new GeneratedClinic(generated, [.. providers.Select(p => p.Id)], series, visits, prescriptions, TimeSpan.Zero);
        }

        /// <summary>The n-th weekly, monthly or single series of its provider, on a slot no other series of the provider uses.</summary>
        private void WriteSeries(SqliteRowWriter seriesRows, SqliteRowWriter visitRows, Guid patientId, Guid providerId, TimeOnly providerStart, RepeatKind repeat, int n)
        {
            var (firstDay, slotIndex) = repeat switch
            {
                RepeatKind.Weekly => (NextDate(d => (int)d.DayOfWeek == 1 + (n % 5)), n / 5),
                RepeatKind.Monthly => (NextDate(d => d.Day == 1 + (n % 28)), 8 + ((n / 28) % 4)),
                _ => (weekdays[n % weekdays.Count], 12 + (n % 4)),
            };
            var firstLocal = firstDay.ToDateTime(providerStart.Add(calendar.Slot * slotIndex));
            var firstUtc = calendar.ToUtc(firstLocal);
            var until = repeat == RepeatKind.None ? firstUtc + calendar.Slot : horizonUtc;
            var seriesId = Guid.CreateVersion7();
            seriesRows.Insert(Id(seriesId), Id(patientId), Id(providerId), Instant(firstLocal), (int)repeat, 0, Instant(until), stamp, stamp, Id(Guid.NewGuid()));
            series++;

            // Like the demo seeder, a monthly date that falls on a weekend (a day off) gets no visit.
            foreach (var startUtc in Recurrence.Expand(firstLocal, repeat, null, calendar.Zone, calendar.UtcNow, until)
                .Where(s => calendar.ToLocal(s).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            {
                var at = Instant(startUtc);
                visitRows.Insert(Id(Guid.CreateVersion7()), Id(seriesId), Id(patientId), Id(providerId), at, at, 0, stamp, stamp, Id(Guid.NewGuid()));
                visits++;
            }
        }

        private DateOnly NextDate(Func<DateOnly, bool> matches)
        {
            var day = today.AddDays(1);
            while (!matches(day))
            {
                day = day.AddDays(1);
            }

            return day;
        }
    }

    private static List<DateOnly> NextWeekdays(DateOnly today, int count) =>
        [.. Enumerable.Range(1, count * 2).Select(today.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(count)];

    private static string Name(int i) => $"{FirstNames[i % FirstNames.Length]} {LastNames[(i / FirstNames.Length + i) % LastNames.Length]}";

    private static string HoursJson(TimeOnly start, TimeOnly end) =>
        "[" + string.Join(",", Enumerable.Range(1, 5).Select(d =>
            $"{{\"Day\":{d},\"End\":\"{end:HH:mm:ss.fffffff}\",\"Start\":\"{start:HH:mm:ss.fffffff}\"}}")) + "]";

    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
