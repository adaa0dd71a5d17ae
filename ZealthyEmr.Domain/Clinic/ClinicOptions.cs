using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Clinic;

public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    /// <summary>IANA zone id; every wall-clock time (working hours, series, display) is in this zone.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Los_Angeles";

    /// <summary>Culture of every date and time the portals show (the API keeps ISO 8601).</summary>
    [Required]
    public string Culture { get; set; } = "en-US";

    [Range(5, 240)]
    public int SlotMinutes { get; set; } = 30;

    /// <summary>How far ahead recurring visits exist as rows.</summary>
    [Range(1, 36)]
    public int HorizonMonths { get; set; } = 12;

    /// <summary>How far ahead a patient may book.</summary>
    [Range(1, 24)]
    public int BookingHorizonMonths { get; set; } = 3;

    /// <summary>Shown in every email the clinic sends.</summary>
    [Required]
    [StringLength(120)]
    public string Name { get; set; } = "Zealthy Clinic";

    [StringLength(300)]
    public string Address { get; set; } = "";

    /// <summary>Absolute base address of the portal, for links in emails (which have no request to take it from).</summary>
    [Required]
    [Url]
    public string PortalUrl { get; set; } = "https://localhost:5001";
}
