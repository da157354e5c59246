namespace CoachBot.Storage.OneOnOnes;

/// <summary>
/// One row per participant and pairing in the OneOnOneIndex table (PartitionKey = encoded user key, RowKey = pairing
/// id), so either person finds their pairings with one partition query and `forget me` removes only their side.
/// </summary>
internal sealed class PairingIndexEntity : UserTableRow
{
    public string PairingId { get; set; } = string.Empty;

    public static PairingIndexEntity For(Core.Users.UserRef user, string pairingId)
    {
        var row = Create<PairingIndexEntity>(user, TableKeys.ForUser(user), pairingId);
        row.PairingId = pairingId;
        return row;
    }
}
