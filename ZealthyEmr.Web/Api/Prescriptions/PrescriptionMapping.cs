using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Prescriptions;

public static class PrescriptionMapping
{
    public static PrescriptionDto ToDto(this PrescriptionRow p) =>
        new(p.Id, p.Medication, p.MedicationId, p.Dosage, p.Quantity, p.FirstRefill, ApiEnums.Name(p.Schedule), p.EndDate, p.IsActive, p.NextRefill, p.Version);
}
