// Parameters for a plain `az deployment sub create` (docs/deploy.md, "Without azd"). Every value comes from the
// shell's environment, the same names azd uses, so no secret is ever written to a file. azd itself reads
// main.parameters.json instead.
using './main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME')
param location = readEnvironmentVariable('AZURE_LOCATION')
param webImageName = readEnvironmentVariable('SERVICE_WEB_IMAGE_NAME', '')
param maxReplicas = int(readEnvironmentVariable('COACHBOT_MAX_REPLICAS', '3'))
param supportOperatorName = readEnvironmentVariable('SUPPORT_OPERATOR_NAME', '')
param supportContact = readEnvironmentVariable('SUPPORT_CONTACT', '')
param enableSlack = bool(readEnvironmentVariable('COACHBOT_ENABLE_SLACK', 'true'))
param enableTeams = bool(readEnvironmentVariable('COACHBOT_ENABLE_TEAMS', 'false'))
param slackSigningSecret = readEnvironmentVariable('SLACK_SIGNING_SECRET', '')
param slackBotToken = readEnvironmentVariable('SLACK_BOT_TOKEN', '')
param slackClientId = readEnvironmentVariable('SLACK_CLIENT_ID', '')
param slackClientSecret = readEnvironmentVariable('SLACK_CLIENT_SECRET', '')
param slackTokenEncryptionKey = readEnvironmentVariable('SLACK_TOKEN_ENCRYPTION_KEY', '')
param slackPreviousTokenEncryptionKey = readEnvironmentVariable('SLACK_PREVIOUS_TOKEN_ENCRYPTION_KEY', '')
param teamsCredential = readEnvironmentVariable('TEAMS_CREDENTIAL', 'ManagedIdentity')
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID', '')
param teamsAppPassword = readEnvironmentVariable('TEAMS_APP_PASSWORD', '')
param teamsTenantId = readEnvironmentVariable('TEAMS_TENANT_ID', '')
param chartsSigningKey = readEnvironmentVariable('CHARTS_SIGNING_KEY')
param chartsPreviousSigningKey = readEnvironmentVariable('CHARTS_PREVIOUS_SIGNING_KEY', '')
param reflectionAnswerKey = readEnvironmentVariable('PRIVACY_REFLECTION_ANSWER_KEY')
