using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CoachBot.Host.Tests;

/// <summary>
/// A laptop run listens on loopback port 3978; a container (ASPNETCORE_HTTP_PORTS) or an operator's Urls is never
/// overridden by a pinned address.
/// </summary>
public sealed class ListenAddressTests
{
    [Fact]
    public void NothingConfigured_ListensOnLoopbackPort3978Only()
    {
        var builder = Builder();

        builder.UseLaptopUrlUnlessConfigured();

        Assert.Equal("http://localhost:3978", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Theory]
    [InlineData("--http_ports=8080")]
    [InlineData("--https_ports=8443")]
    [InlineData("--urls=http://+:9000")]
    [InlineData("--Kestrel:Endpoints:Web:Url=http://0.0.0.0:9001")]
    public void ListenAddressConfigured_IsLeftAlone(string argument)
    {
        var builder = Builder(argument);
        var before = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);

        builder.UseLaptopUrlUnlessConfigured();

        Assert.Equal(before, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
        Assert.NotEqual("http://localhost:3978", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void RepositoryAppSettings_PinNoListenAddress()
    {
        var settings = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));

        Assert.DoesNotContain("\"Urls\"", settings, StringComparison.OrdinalIgnoreCase);
    }

    private static WebApplicationBuilder Builder(params string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Testing" });
}
