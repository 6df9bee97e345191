using Microsoft.AspNetCore.Http.HttpResults;

namespace Fupin.Web.Shared;

/// <summary>Turns a command's outcome into the typed HTTP result the API returns.</summary>
public static class ApiResults
{
    public static Results<Ok<T>, ValidationProblem, NotFound, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>> ToHttp<T>(this Outcome<T> outcome) =>
        outcome switch
        {
            Outcome<T>.Done d => TypedResults.Ok(d.Value),
            Outcome<T>.Invalid i => Invalid(i.Errors),
            Outcome<T>.NotFound => TypedResults.NotFound(),
            Outcome<T>.Conflict c => Conflict(c.Message),
            _ => throw new InvalidOperationException(),
        };

    /// <summary>As <see cref="ToHttp{T}"/>, for commands that refuse by role (a step of a procedure): 403 with the reason.</summary>
    public static Results<Ok<T>, ValidationProblem, NotFound, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>, ProblemHttpResult> ToHttpOrForbidden<T>(this Outcome<T> outcome) =>
        outcome switch
        {
            Outcome<T>.Done d => TypedResults.Ok(d.Value),
            Outcome<T>.Invalid i => Invalid(i.Errors),
            Outcome<T>.NotFound => TypedResults.NotFound(),
            Outcome<T>.Conflict c => Conflict(c.Message),
            Outcome<T>.Forbidden f => TypedResults.Problem(title: "无权办理", detail: f.Message, statusCode: StatusCodes.Status403Forbidden),
            _ => throw new InvalidOperationException(),
        };

    public static ValidationProblem Invalid(Errors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "提交的数据有误，请按提示修改");

    public static Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails> Conflict(string message) =>
        TypedResults.Conflict(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "数据已被他人修改",
            Detail = message,
        });
}
