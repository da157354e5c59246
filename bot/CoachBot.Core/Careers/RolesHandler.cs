using CoachBot.Content.Model;
using CoachBot.Core.Conversation;

namespace CoachBot.Core.Careers;

/// <summary>
/// <c>roles</c>: how CTO, VPoE, VPoP, EM and tech lead differ (the question each answers, focus, scope, horizon),
/// one section per role from the content's roles.yaml. <c>roles cto</c> shows one.
/// </summary>
public sealed class RolesHandler : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["roles"];

    public Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        var all = context.Content.Roles;
        var wanted = command.Arguments.Trim().Replace(' ', '_');
        var roles = wanted.Length == 0
            ? all
            : all.Where(r => string.Equals(r.Id, wanted, StringComparison.OrdinalIgnoreCase)
                || r.Title.Contains(command.Arguments.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        string? error = null;
        if (roles.Count == 0)
        {
            error = context.T("roles.error.unknown", ("value", command.Arguments.Trim()), ("roles", string.Join(", ", all.Select(r => r.Id))));
            roles = all;
        }

        var title = context.T("roles.title");
        var sections = roles.Select(r => new ReplySection
        {
            Title = r.Title,
            Body = r.Summary,
            Fields = Fields(context, r),
        }).ToList();
        var text = StringTable.Lines(
        [
            error,
            title,
            .. roles.Select(r => StringTable.Lines($"■ {r.Title}", string.Join("\n", Fields(context, r).Select(f => $"• {f.Label}: {f.Value}")), r.Summary)),
        ]);
        return Task.FromResult(new Reply
        {
            Text = text,
            Sections = [new ReplySection { Title = title, Body = error }, .. sections],
            Buttons =
            [
                .. all.Where(r => roles.Count != 1 || r != roles[0]).Select(r => ReplyButton.Command(r.Title, $"roles {r.Id}")),
                ReplyButton.Command(context.T("roles.button.path"), "path", ButtonStyle.Primary),
            ],
            IsError = error is not null,
        });
    }

    private static IReadOnlyList<ReplyField> Fields(TurnContext context, RoleProfile role) =>
    [
        new(context.T("roles.field.question"), role.Question),
        new(context.T("roles.field.focus"), role.Focus),
        new(context.T("roles.field.scope"), role.Scope),
        new(context.T("roles.field.horizon"), role.Horizon),
    ];
}
