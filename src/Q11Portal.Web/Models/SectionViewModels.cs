using Q11Portal.Core.Letters;
using Q11Portal.Core.Pages;
using Q11Portal.Core.Schedule;

namespace Q11Portal.Web.Models;

/// <param name="Error">A week picker value that could not be read, with <paramref name="TypedWeek"/> as typed.</param>
public sealed record ScheduleWeekViewModel(ScheduleWeekView Schedule, DateOnly Today, bool PrintView, string? Error = null, string? TypedWeek = null)
{
    public ScheduleWeekId Week => Schedule.Week;

    public bool IsCurrentWeek => Week.Contains(Today);

    public string Url => "/lich-cong-tac/" + Week.UrlToken;
}

public sealed record SitePageViewModel(SitePageView Page, LetterFormViewModel? LetterForm = null, bool LetterSent = false);

/// <summary>The "Hộp thư góp ý" form: what was typed, the form token, and why it was refused.</summary>
public sealed record LetterFormViewModel(string FormToken)
{
    public LetterInput Input { get; init; } = new();
    public string? Problem { get; init; }
    public IReadOnlyDictionary<string, string>? Errors { get; init; }

    public string? ErrorFor(string field) => Errors is not null && Errors.TryGetValue(field, out var message) ? message : null;
}

/// <summary>What the letter form posts.</summary>
public sealed class LetterInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public string? Website { get; set; }
    public string? FormToken { get; set; }
    public string? Altcha { get; set; }

    public LetterDraft ToDraft() => new(Name, Email, Phone, Address, Subject, Body);
}
