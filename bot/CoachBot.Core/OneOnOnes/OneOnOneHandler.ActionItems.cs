using CoachBot.Core.Conversation;
using CoachBot.Core.Settings;

namespace CoachBot.Core.OneOnOnes;

/// <summary>Action items: <c>1on1 action</c> (typed or by form), <c>1on1 done</c> and the Done buttons.</summary>
public sealed partial class OneOnOneHandler
{
    private async Task<Reply> ActionAsync(TurnContext context, string args, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var (person, rest) = OneOnOneArguments.LeadingMention(args, me);
        if (await PickAsync(context, person, Running, cancellationToken) is not { } pairing)
        {
            return await NotFoundAsync(context, person, cancellationToken);
        }

        if (rest.Length == 0)
        {
            return ActionForm(context, pairing);
        }

        // Trailing "owner @x" and "due YYYY-MM-DD", in either order.
        var words = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var owner = me;
        DateOnly? due = null;
        while (words.Count >= 3)
        {
            var keyword = words[^2].ToLowerInvariant();
            if (keyword == "owner" && OneOnOneArguments.Mention(words[^1], me) is { } named)
            {
                if (!pairing.Includes(named))
                {
                    return Error(context.T("oneonones.action.owner", ("person", OneOnOneText.Mention(named))));
                }

                owner = named;
            }
            else if (keyword == "due")
            {
                if (SettingsParser.Date(words[^1]) is not { } date)
                {
                    return Error(context.T("oneonones.action.due", ("value", words[^1])));
                }

                due = date;
            }
            else
            {
                break;
            }

            words.RemoveRange(words.Count - 2, 2);
        }

        var text = string.Join(' ', words);
        if (Refusal(context, pairing, await _service.CheckActionItemAsync(pairing, cancellationToken)) is { } refused)
        {
            return refused;
        }

        var item = await _service.AddActionItemAsync(me, pairing, text, owner, due, context.Now, cancellationToken);
        return Plain(context.T("oneonones.action.done", ("number", OneOnOneText.Number(item.Number)), ("text", item.Text),
            ("owner", OneOnOneText.Mention(owner)), ("due", due is { } d ? OneOnOneText.Date(d) : "-")));
    }

    private async Task<Reply> ActionFromFormAsync(TurnContext context, string pairingId, TurnAction action, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var pairing = pairingId.Length > 0 ? await _service.GetMineAsync(me, pairingId, cancellationToken) : null;
        if (pairing is null || !Running.Contains(pairing.State))
        {
            return Error(context.T("oneonones.error.no_pairing_any"));
        }

        if (action.Value("text") is not { } text)
        {
            // Blank text: the form again, pointing at the input that needs filling in.
            return ActionForm(context, pairing) with { ErrorInputId = "text" };
        }

        var owner = action.Value("owner") == "other" ? pairing.Other(me) : me;
        DateOnly? due = null;
        if (action.Value("due") is { } dueText)
        {
            if (SettingsParser.Date(dueText) is not { } date)
            {
                return Error(context.T("oneonones.action.due", ("value", dueText))) with { ErrorInputId = "due" };
            }

            due = date;
        }

        if (Refusal(context, pairing, await _service.CheckActionItemAsync(pairing, cancellationToken)) is { } refused)
        {
            return refused;
        }

        var item = await _service.AddActionItemAsync(me, pairing, text, owner, due, context.Now, cancellationToken);
        return Plain(context.T("oneonones.action.done", ("number", OneOnOneText.Number(item.Number)), ("text", item.Text),
            ("owner", OneOnOneText.Mention(owner)), ("due", due is { } d ? OneOnOneText.Date(d) : "-")));
    }

    private async Task<Reply> DoneAsync(TurnContext context, string args, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var (person, rest) = OneOnOneArguments.LeadingMention(args, me);
        if (!int.TryParse(rest.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return Error(context.T("oneonones.done.usage"));
        }

        var matches = new List<(Pairing Pairing, ActionItem Item)>();
        foreach (var pairing in await _service.ListMineAsync(me, cancellationToken))
        {
            if (person is null || pairing.Other(me) == person)
            {
                matches.AddRange((await _service.ActionItemsAsync(me, pairing, cancellationToken))
                    .Where(i => i.Number == number && i.IsOpen).Select(i => (pairing, i)));
            }
        }

        // An item of someone else's pairing is simply not among the requester's: the same answer as a wrong number.
        if (matches.Count != 1)
        {
            return Error(context.T(matches.Count == 0 ? "oneonones.done.none" : "oneonones.done.which", ("number", OneOnOneText.Number(number))));
        }

        var done = await _service.CompleteAsync(me, matches[0].Pairing, matches[0].Item, context.Now, cancellationToken);
        return Plain(context.T("oneonones.done.done", ("number", OneOnOneText.Number(done.Number)), ("text", done.Text)));
    }

    /// <summary>
    /// A Done button: the item of the presser's own pairing, closed once. A pairing the presser is not part of, a
    /// missing number or a deleted item all get the same "can't find it" answer; an item done already says so and
    /// changes nothing, so pressing twice (or from two messages) is harmless.
    /// </summary>
    private async Task<Reply> DoneFromButtonAsync(TurnContext context, string pairingId, TurnAction action, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var pairing = pairingId.Length > 0 ? await _service.GetMineAsync(me, pairingId, cancellationToken) : null;
        var number = int.TryParse(action.Value(NumberValue), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        var item = pairing is null || number <= 0
            ? null
            : (await _service.ActionItemsAsync(me, pairing, cancellationToken)).FirstOrDefault(i => i.Number == number);
        if (pairing is null || item is null)
        {
            return Error(context.T("oneonones.done.stale"));
        }

        if (!item.IsOpen)
        {
            return Plain(context.T("oneonones.done.already", ("number", OneOnOneText.Number(item.Number)), ("text", item.Text)));
        }

        var done = await _service.CompleteAsync(me, pairing, item, context.Now, cancellationToken);
        return Plain(context.T("oneonones.done.done", ("number", OneOnOneText.Number(done.Number)), ("text", done.Text)));
    }
}
