namespace ZealthyEmr.Web.Audit;

/// <summary>What each audited record type means to the patient reading their access report.</summary>
internal static class AuditRecordNames
{
    public static string ForPatient(string entityType) => entityType switch
    {
        "Patient" or "PatientProfile" => "Your details",
        "PatientDashboard" => "Your dashboard",
        "PatientList" => "The patient list (your name and contact details)",
        "PatientRecordList" => "The patient list (your name, contact details, appointments and prescriptions)",
        "PatientStats" => "Your visit summary",
        "AppointmentSchedule" or "AppointmentSeries" or "Visit" => "Your appointments",
        "ScheduleBoard" => "The clinic's day schedule (your appointment)",
        "Prescription" or "PrescriptionSchedule" => "Your prescriptions",
        "User" => "Your sign-in account",
        _ => entityType,
    };
}
