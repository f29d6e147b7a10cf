using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Letters;

public static class LettersServiceCollectionExtensions
{
    /// <summary>The "Hộp thư góp ý": the letter form's guard and the admins' inbox. Uses the comment services'
    /// form token, ALTCHA and spent-token store (<c>AddPortalComments</c>).</summary>
    public static IServiceCollection AddPortalLetters(this IServiceCollection services)
    {
        services.AddScoped<LetterSubmissionGuard>();
        services.AddScoped<LetterService>();
        return services;
    }
}
