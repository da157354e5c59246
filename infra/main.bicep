// CoachBot in Azure: one resource group holding everything resources.bicep describes.
// Deploy with `azd up` (azure.yaml at the repository root, parameters from main.parameters.json) or with
// `az deployment sub create --template-file infra/main.bicep --parameters infra/deploy.bicepparam` (docs/deploy.md).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd env name); names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource except the global Azure Bot.')
param location string

@description('Image to run, e.g. cr123.azurecr.io/coachbot/web-dev:azd-deploy-1. Empty: a placeholder until the first deploy (azd fills SERVICE_WEB_IMAGE_NAME).')
param webImageName string = ''

@minValue(1)
@maxValue(30)
@description('Most replicas the Container App may scale out to. At least one always runs (the scheduler is in-process).')
param maxReplicas int = 3

@description('The organisation that runs this CoachBot, named on its privacy, terms and support pages (Support:OperatorName). Empty: a generic wording.')
param supportOperatorName string = ''

@description('Where users ask for help: an https:// page or a mailto: address (Support:Contact). Empty: the support page sends users to their workspace admin.')
param supportContact string = ''

@description('Serve Slack (needs slackSigningSecret and either slackBotToken or slackClientId, slackClientSecret and slackTokenEncryptionKey).')
param enableSlack bool = true

@description('Serve Microsoft Teams and create the Azure Bot with its Teams channel (keyless by default, see teamsCredential).')
param enableTeams bool = false

@secure()
@description('Slack app signing secret (Slack:SigningSecret).')
param slackSigningSecret string = ''

@secure()
@description('xoxb- bot token of a single-workspace install (Slack:BotToken). Leave empty when using OAuth (slackClientId).')
param slackBotToken string = ''

@description('Slack app client id (Slack:ClientId) for multi-workspace installs through /slack/install. Empty: single workspace with slackBotToken.')
param slackClientId string = ''

@secure()
@description('Slack app client secret (Slack:ClientSecret), with slackClientId.')
param slackClientSecret string = ''

@secure()
@description('Base64 32-byte key encrypting stored Slack bot tokens (Slack:TokenEncryptionKey), with slackClientId.')
param slackTokenEncryptionKey string = ''

@secure()
@description('During a key rotation only: the key slackTokenEncryptionKey replaced (Slack:PreviousTokenEncryptionKey). Empty otherwise.')
param slackPreviousTokenEncryptionKey string = ''

@description('How the bot gets Bot Connector tokens: ManagedIdentity (the default: the Azure Bot is registered with the app\'s user-assigned identity, no app registration and no secret) or ClientSecret (teamsAppId and teamsAppPassword of an app registration).')
@allowed([
  'ManagedIdentity'
  'ClientSecret'
])
param teamsCredential string = 'ManagedIdentity'

@description('With teamsCredential ClientSecret: the Microsoft Entra app (client) id of the bot (Teams:AppId and the Azure Bot msaAppId).')
param teamsAppId string = ''

@secure()
@description('With teamsCredential ClientSecret: the client secret of that app registration (Teams:AppPassword).')
param teamsAppPassword string = ''

@description('Tenant of the single-tenant bot (Teams:TenantId and the Azure Bot msaAppTenantId). Empty: the deployment\'s tenant.')
param teamsTenantId string = ''

@secure()
@description('Base64 key of 32+ bytes signing chart and export links (Charts:SigningKey), shared by every replica.')
param chartsSigningKey string

@secure()
@description('During a key rotation only: the key chartsSigningKey replaced (Charts:PreviousSigningKey). Empty otherwise.')
param chartsPreviousSigningKey string = ''

@secure()
@description('Base64 key of 32+ bytes keying team-reflection answers to their authors (Privacy:ReflectionAnswerKey). Keep it for good.')
param reflectionAnswerKey string

var abbreviations = {
  resourceGroup: 'rg-'
}
var tags = {
  'azd-env-name': environmentName
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbreviations.resourceGroup}${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'coachbot-resources'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    resourceToken: toLower(uniqueString(subscription().id, environmentName, location))
    webImageName: webImageName
    maxReplicas: maxReplicas
    supportOperatorName: supportOperatorName
    supportContact: supportContact
    enableSlack: enableSlack
    enableTeams: enableTeams
    slackSigningSecret: slackSigningSecret
    slackBotToken: slackBotToken
    slackClientId: slackClientId
    slackClientSecret: slackClientSecret
    slackTokenEncryptionKey: slackTokenEncryptionKey
    slackPreviousTokenEncryptionKey: slackPreviousTokenEncryptionKey
    teamsCredential: teamsCredential
    teamsAppId: teamsAppId
    teamsAppPassword: teamsAppPassword
    teamsTenantId: empty(teamsTenantId) ? tenant().tenantId : teamsTenantId
    chartsSigningKey: chartsSigningKey
    chartsPreviousSigningKey: chartsPreviousSigningKey
    reflectionAnswerKey: reflectionAnswerKey
  }
}

// Read by azd (the registry to push to, the resource group) and printed for docs/deploy.md's next steps.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = resources.outputs.registryLoginServer
output AZURE_CONTAINER_REGISTRY_NAME string = resources.outputs.registryName
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = resources.outputs.environmentName
output AZURE_KEY_VAULT_NAME string = resources.outputs.keyVaultName
output AZURE_STORAGE_ACCOUNT_NAME string = resources.outputs.storageAccountName
output SERVICE_WEB_NAME string = resources.outputs.appName
output SERVICE_WEB_URI string = resources.outputs.appUri
output SERVICE_WEB_HOST string = resources.outputs.appHost
output TEAMS_APP_ID string = enableTeams ? resources.outputs.teamsAppId : ''
output TEAMS_MESSAGING_ENDPOINT string = enableTeams ? '${resources.outputs.appUri}/api/messages' : ''
output SLACK_EVENTS_URL string = enableSlack ? '${resources.outputs.appUri}/slack/events' : ''
