namespace ZealthyEmr.Web.Api.Patients;

public sealed record DashboardRefillDto(Guid PrescriptionId, string Medication, string Dosage, int Quantity, DateOnly Date);
