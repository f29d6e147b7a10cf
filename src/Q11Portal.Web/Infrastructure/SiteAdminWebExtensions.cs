using Microsoft.AspNetCore.Mvc;

namespace Q11Portal.Web.Infrastructure;

public static class SiteAdminWebExtensions
{
    /// <summary>Web side of running the site (categories, tags, sidebar blocks): Vietnamese messages for values that do
    /// not bind (a letter where a number goes), so a bad form value reads as a Vietnamese validation error.</summary>
    public static IServiceCollection AddPortalSiteAdminWeb(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(o =>
        {
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị “{value}” không hợp lệ.");
            m.SetValueMustBeANumberAccessor(field => "Giá trị phải là một số.");
            m.SetValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
            m.SetUnknownValueIsInvalidAccessor(field => "Giá trị đã nhập không hợp lệ.");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị đã nhập không hợp lệ.");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
            m.SetMissingBindRequiredValueAccessor(field => "Thiếu một giá trị bắt buộc.");
            m.SetMissingKeyOrValueAccessor(() => "Thiếu một giá trị bắt buộc.");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
            m.SetValueMustNotBeNullAccessor(value => "Vui lòng nhập giá trị.");
        });
        return services;
    }
}
