using CoachBot.Content.Model;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;
using CoachBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Scheduler.Tests.Support;

/// <summary>
/// Seeds onboarded users through the scheduler's decorated <see cref="IUserStore"/> (storage + AddCoachBotScheduler,
/// dispatch off), so the due rows are written by the real reconciler exactly as a finished onboarding writes them.
/// </summary>
public sealed class NudgeSeeder : IAsyncDisposable
{
    public const string Tenant = "local";

    private readonly ServiceProvider _services;

    public NudgeSeeder(string connectionString, string tablePrefix)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            ["Storage:ProfileCacheLifetime"] = "00:00:00",
            ["Scheduler:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCoachBotStorage(configuration);
        services.AddCoachBotScheduler(configuration);
        _services = services.BuildServiceProvider();
        Users = _services.GetRequiredService<IUserStore>();
        Tables = _services.GetRequiredService<CoachBotTables>();
    }

    /// <summary>The decorated store: every save reschedules.</summary>
    public IUserStore Users { get; }

    public CoachBotTables Tables { get; }

    /// <summary>The i-th test user, e.g. <c>local|local|u00042</c>.</summary>
    public static UserRef User(int i) => new("local", Tenant, $"u{i:00000}");

    /// <summary>
    /// An onboarded profile: a role and career path from the content vocabulary, every day a working day, nudges by DM
    /// at <paramref name="nudgeTime"/> in <paramref name="timeZoneId"/>.
    /// </summary>
    public static UserProfile Profile(int i, TimeOnly nudgeTime, string timeZoneId, DateTimeOffset createdAt) => new()
    {
        User = User(i),
        DisplayName = $"User {i}",
        Language = "en",
        TimeZoneId = timeZoneId,
        TimeZoneChosen = true,
        NudgeTime = nudgeTime,
        WorkingDays = Enum.GetValues<DayOfWeek>(),
        Role = ContentVocabulary.UserRoles[i % ContentVocabulary.UserRoles.Count],
        CareerPath = ContentVocabulary.PathIds[i % ContentVocabulary.PathIds.Count],
        Onboarding = OnboardingStep.Complete,
        NudgeChannel = NudgeChannel.DirectMessage,
        CreatedAt = createdAt,
    };

    /// <summary>Creates the tables of the prefix.</summary>
    public Task CreateTablesAsync(CancellationToken cancellationToken) => Tables.EnsureCreatedAsync(cancellationToken);

    /// <summary>
    /// Saves users 0..count-1 in parallel, each nudged at the first whole minute at least <paramref name="lead"/> after
    /// its own save starts (so the replicas already dispatch the first users while later ones are being saved).
    /// </summary>
    /// <returns>Each user's (key's) nudge minute.</returns>
    /// <exception cref="InvalidOperationException">A save ended after its user's nudge minute (it would be nudged
    /// tomorrow instead): the lead is too short for this machine.</exception>
    public async Task<IReadOnlyDictionary<string, NudgeMinute>> SeedAsync(int count, TimeSpan lead, CancellationToken cancellationToken)
    {
        var minutes = new System.Collections.Concurrent.ConcurrentDictionary<string, NudgeMinute>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var now = TimeProvider.System.GetUtcNow();
                var minute = NudgeMinute.After(now, lead);
                await SaveOneAsync(Profile(i, minute.NudgeTime, minute.TimeZoneId, now), token);
                if (TimeProvider.System.GetUtcNow() >= minute.DueAt)
                {
                    throw new InvalidOperationException($"Saving user {i} ended after its nudge minute {minute.DueAt:o}; seed with a longer lead.");
                }

                minutes[User(i).Key] = minute;
            });
        return minutes;
    }

    /// <summary>
    /// Saves one profile, riding out what a loaded emulator does: a timed-out insert that the storage client retried
    /// comes back as "already exists" although it was this insert (then the stored copy is saved again, which
    /// reschedules), and a call that timed out is tried again.
    /// </summary>
    private async Task SaveOneAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        var version = (string?)null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Users.SaveAsync(profile with { Version = version }, cancellationToken);
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or StoreUnavailableException && attempt < 5)
            {
                version = (await Users.GetAsync(profile.User, cancellationToken))?.Version;
            }
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
