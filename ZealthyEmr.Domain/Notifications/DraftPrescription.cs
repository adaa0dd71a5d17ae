namespace ZealthyEmr.Domain.Notifications;

/// <summary>The new prescription of a <see cref="ChangeDraft"/>; its medication's name is looked up when the email is written.</summary>
internal sealed record DraftPrescription(Guid PrescriptionId, Guid MedicationId, DateOnly FirstRefill);
