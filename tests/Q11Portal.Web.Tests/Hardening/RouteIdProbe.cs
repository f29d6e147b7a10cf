using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;

namespace Q11Portal.Web.Tests.Hardening;

/// <summary>Test-only: when a request carries <see cref="Header"/>, answers with the bound values named like a route
/// parameter (arguments, and properties of complex arguments) instead of running the action, so every POST action
/// can be checked without writing anything.</summary>
internal sealed class BindingProbe : IAsyncActionFilter, IOrderedFilter
{
    public const string Header = "X-Binding-Probe";

    public int Order => int.MinValue;

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!context.HttpContext.Request.Headers.ContainsKey(Header) || context.HttpContext.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return next();
        }

        var names = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (argument, value) in context.ActionArguments)
        {
            if (names.Contains(argument))
            {
                seen[argument] = Convert.ToString(value, CultureInfo.InvariantCulture);
            }
            else if (value is not null && IsComplex(value.GetType()))
            {
                foreach (var property in value.GetType().GetProperties().Where(p => names.Contains(p.Name) && p.GetIndexParameters().Length == 0))
                {
                    seen[argument + "." + property.Name] = Convert.ToString(property.GetValue(value), CultureInfo.InvariantCulture);
                }
            }
        }

        context.Result = new JsonResult(seen);
        return Task.CompletedTask;
    }

    /// <summary>As MVC decides it: a type that cannot be converted from a string is bound property by property.</summary>
    public static bool IsComplex(Type type) => !TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));
}

/// <summary>Test-only input model with an <c>Id</c> property, the shape that must take the route's id, not the form's.</summary>
public sealed class RouteIdProbeInput
{
    public int Id { get; set; }
    public string? Name { get; set; }
}

/// <summary>Test-only action with a complex input whose <c>Id</c> matches the route parameter.</summary>
public sealed class RouteIdProbeController : Controller
{
    [HttpPost("/test/route-id/{id:int}")]
    public IActionResult Save(RouteIdProbeInput input) => Json(new { input.Id, input.Name });
}
