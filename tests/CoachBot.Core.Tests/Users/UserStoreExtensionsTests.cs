using CoachBot.Core.Storage;
using CoachBot.Core.Users;
using CoachBot.Testing.Contracts;
using CoachBot.Testing.Fakes;
using Moq;

namespace CoachBot.Core.Tests;

public sealed class UserStoreExtensionsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task UpdateAsync_AppliesTheChange()
    {
        var store = new InMemoryUserStore();
        var user = TestUsers.New();
        await store.SaveAsync(new UserProfile { User = user, TimeZoneId = "UTC" }, None);

        await store.UpdateAsync(user, p => p with { TimeZoneId = "Asia/Tokyo" }, None);

        Assert.Equal("Asia/Tokyo", (await store.GetAsync(user, None))!.TimeZoneId);
    }

    [Fact]
    public async Task UpdateAsync_NoProfileOrNoChange_SavesNothing()
    {
        var store = new Mock<IUserStore>();
        var user = TestUsers.New();
        store.Setup(s => s.GetAsync(user, None)).ReturnsAsync(new UserProfile { User = user });

        await store.Object.UpdateAsync(user, _ => null, None);
        await store.Object.UpdateAsync(TestUsers.New(), p => p, None);

        store.Verify(s => s.SaveAsync(It.IsAny<UserProfile>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task UpdateAsync_Conflict_RereadsAndReapplies_UpToThreeTimes()
    {
        var store = new Mock<IUserStore>();
        var user = TestUsers.New();
        store.Setup(s => s.GetAsync(user, None)).ReturnsAsync(new UserProfile { User = user });
        store.SetupSequence(s => s.SaveAsync(It.IsAny<UserProfile>(), None))
            .ThrowsAsync(new ConcurrencyConflictException())
            .ThrowsAsync(new ConcurrencyConflictException())
            .ReturnsAsync(new UserProfile { User = user });

        await store.Object.UpdateAsync(user, p => p with { NudgesStopped = true }, None);
        store.Verify(s => s.GetAsync(user, None), Times.Exactly(3));

        store.Setup(s => s.SaveAsync(It.IsAny<UserProfile>(), None)).ThrowsAsync(new ConcurrencyConflictException());
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.Object.UpdateAsync(user, p => p with { NudgesStopped = true }, None));
    }
}
