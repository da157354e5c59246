# syntax=docker/dockerfile:1
# CoachBot's host as a container image: built with the .NET SDK, run on the ASP.NET Core runtime as a non-root user,
# listening on port 8080 on every interface. Build it from the repository root: docker build -t coachbot .
# The publish step is repeated outside any container by tests/CoachBot.Host.Tests/PublishedHostTests.cs, which
# reads the RUN line below, so what the image ships is what the tests start.
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Project files and the build rules first, so a change to code alone reuses the restored packages.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig appsettings.json ./
COPY bot/ bot/
COPY scheduler/ scheduler/
COPY content/ content/
RUN dotnet publish bot/CoachBot.Host/CoachBot.Host.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
# A CJK font so Japanese chart labels are drawn as text, not boxes (ADR 0008); curl for the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-noto-cjk curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Charts__CjkFontName="Noto Sans CJK JP" \
    DOTNET_NOLOGO=1
EXPOSE 8080
# The runtime image's unprivileged "app" user; nothing in /app is writable by it.
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "CoachBot.Host.dll"]
