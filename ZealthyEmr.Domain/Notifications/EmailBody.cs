using System.Net;
using System.Text;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// Builds the plain-text and HTML parts of one email from the same lines, so the two never say different things.
/// Every value is HTML-encoded here; templates pass plain text only.
/// </summary>
public sealed class EmailBody(ClinicOptions clinic)
{
    /// <summary>Replaced at send time with a fresh signed unsubscribe link (tokens are time-limited).</summary>
    public const string UnsubscribePlaceholder = "{{unsubscribe-url}}";

    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();

    public EmailBody Greeting(string name) => Paragraph($"Hello {name},");

    public EmailBody Paragraph(string value)
    {
        text.Append(value).Append("\r\n\r\n");
        html.Append("<p>").Append(WebUtility.HtmlEncode(value)).Append("</p>\n");
        return this;
    }

    public EmailBody Details(params (string Label, string Value)[] rows)
    {
        html.Append("<table role=\"presentation\">\n");
        foreach (var (label, value) in rows)
        {
            text.Append(label).Append(": ").Append(value).Append("\r\n");
            html.Append("<tr><th align=\"left\">").Append(WebUtility.HtmlEncode(label)).Append("</th><td>")
                .Append(WebUtility.HtmlEncode(value)).Append("</td></tr>\n");
        }

        text.Append("\r\n");
        html.Append("</table>\n");
        return this;
    }

    public EmailBody Action(string label, string url)
    {
        text.Append(label).Append(": ").Append(url).Append("\r\n\r\n");
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a></p>\n");
        return this;
    }

    /// <summary>The finished parts: clinic signature, portal link and, for optional mail, the unsubscribe link.</summary>
    public (string Text, string Html) Render(bool unsubscribable)
    {
        var portal = clinic.PortalUrl.TrimEnd('/');
        var footer = string.IsNullOrWhiteSpace(clinic.Address) ? clinic.Name : $"{clinic.Name}, {clinic.Address}";
        var plain = new StringBuilder(text.ToString())
            .Append("-- \r\n").Append(footer).Append("\r\n").Append("Patient portal: ").Append(portal).Append("\r\n");
        var rich = new StringBuilder("<!DOCTYPE html>\n<html><body>\n").Append(html)
            .Append("<hr>\n<p>").Append(WebUtility.HtmlEncode(footer)).Append("<br>\n<a href=\"").Append(WebUtility.HtmlEncode(portal)).Append("\">Patient portal</a></p>\n");
        if (unsubscribable)
        {
            plain.Append("Stop these emails: ").Append(UnsubscribePlaceholder).Append("\r\n");
            rich.Append("<p><a href=\"").Append(UnsubscribePlaceholder).Append("\">Stop these emails</a></p>\n");
        }

        rich.Append("</body></html>\n");
        return (plain.ToString(), rich.ToString());
    }
}
