namespace ZealthyEmr.Domain.Analytics;

/// <summary>
/// Visits count scheduled visits starting from now; refills count refill dates (a weekly prescription can
/// have several in 30 days) from today through today + 6 and today + 29 days, so "7 days" includes today.
/// </summary>
public sealed record ClinicTotals(
    int Patients,
    int Providers,
    int ActiveProviders,
    int ActiveSeries,
    int VisitsNext7Days,
    int VisitsNext30Days,
    int ActivePrescriptions,
    int RefillsNext7Days,
    int RefillsNext30Days);
