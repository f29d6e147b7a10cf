using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Values named like a route parameter come from the route and nowhere else. MVC's default value providers
/// ask the form before the route, so an edit posted to <c>/admin/articles/5/edit</c> with a form field <c>id=6</c>
/// saved article 6. Every action, present and future, is covered without an attribute on it.</summary>
public static class RouteIdBinding
{
    /// <summary>Route values MVC itself fills; a form field may share their names (e.g. a transition's <c>action</c>).</summary>
    private static readonly HashSet<string> Reserved = new(["area", "controller", "action", "page", "handler"], StringComparer.OrdinalIgnoreCase);

    public static void Apply(MvcOptions options)
    {
        options.Conventions.Add(new RouteParametersFromPath());
        options.ValueProviderFactories.Insert(0, new RouteParametersFirst());
    }

    /// <summary>The parameters of the action's attribute route templates (controller and action combined).</summary>
    public static HashSet<string> TemplateParameters(ActionModel action)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var controllerRoutes = action.Controller.Selectors.Select(s => s.AttributeRouteModel).DefaultIfEmpty(null);
        foreach (var actionRoute in action.Selectors.Select(s => s.AttributeRouteModel))
        {
            foreach (var controllerRoute in controllerRoutes)
            {
                if (AttributeRouteModel.CombineAttributeRouteModel(controllerRoute, actionRoute)?.Template is { } template)
                {
                    names.UnionWith(RoutePatternFactory.Parse(template).Parameters.Select(p => p.Name).Where(n => !Reserved.Contains(n)));
                }
            }
        }

        return names;
    }

    /// <summary>Gives every action parameter named like one of its route's parameters <see cref="BindingSource.Path"/>,
    /// so the form and the query string are never asked for it.</summary>
    private sealed class RouteParametersFromPath : IActionModelConvention
    {
        public void Apply(ActionModel action)
        {
            var names = TemplateParameters(action);
            foreach (var parameter in action.Parameters)
            {
                var source = parameter.BindingInfo?.BindingSource;
                if (names.Contains(parameter.BindingInfo?.BinderModelName ?? parameter.ParameterName)
                    && source != BindingSource.Services && source != BindingSource.Special)
                {
                    parameter.BindingInfo ??= new BindingInfo();
                    parameter.BindingInfo.BindingSource = BindingSource.Path;
                }
            }
        }
    }

    /// <summary>Asked before the form: answers the keys named like a parameter of the matched route's pattern — also as
    /// a property of a top-level input model (<c>input.Id</c>, or <c>Id</c> when bound without prefix) — with the
    /// route's value, or with an empty value when the route left an optional parameter out, so the form cannot fill it.
    /// Conventionally routed actions are covered too, since the pattern comes from the matched endpoint.</summary>
    private sealed class RouteParametersFirst : IValueProviderFactory
    {
        public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
        {
            if (context.ActionContext.HttpContext.GetEndpoint() is RouteEndpoint endpoint)
            {
                var names = endpoint.RoutePattern.Parameters.Select(p => p.Name).Where(n => !Reserved.Contains(n)).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (names.Count > 0)
                {
                    context.ValueProviders.Add(new RouteParameterValueProvider(context.ActionContext.RouteData.Values, names));
                }
            }

            return Task.CompletedTask;
        }
    }

    private sealed class RouteParameterValueProvider(RouteValueDictionary values, HashSet<string> names) : IBindingSourceValueProvider
    {
        public bool ContainsPrefix(string prefix) => Match(prefix) is not null;

        public ValueProviderResult GetValue(string key) => Match(key) is not { } name ? ValueProviderResult.None
            : new ValueProviderResult(values.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty : string.Empty,
                CultureInfo.InvariantCulture);

        public IValueProvider? Filter(BindingSource bindingSource) => bindingSource.CanAcceptDataFrom(BindingSource.Path) ? this : null;

        /// <summary>The route parameter a key stands for: the name itself or one property deep (not inside collections).</summary>
        private string? Match(string key)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            var property = dot < 0 ? key : key[(dot + 1)..];
            var nested = property.Contains('.', StringComparison.Ordinal) || key.AsSpan(0, dot < 0 ? 0 : dot).IndexOfAny('[', ']') >= 0;
            return !nested && names.TryGetValue(property, out var name) ? name : null;
        }
    }
}
