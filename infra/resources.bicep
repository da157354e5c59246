// Everything CoachBot runs on, inside one resource group. main.bicep passes the parameters; docs/deploy.md explains
// them and docs/decisions/0028-azure-infrastructure.md says why each piece is the way it is.
targetScope = 'resourceGroup'

param location string
param tags object
@description('Lower-case token, unique per subscription, environment and region, that every resource name ends with.')
@minLength(13)
@maxLength(13)
param resourceToken string
param webImageName string
param maxReplicas int
param supportOperatorName string
param supportContact string
param enableSlack bool
param enableTeams bool
@secure()
param slackSigningSecret string
@secure()
param slackBotToken string
param slackClientId string
@secure()
param slackClientSecret string
@secure()
param slackTokenEncryptionKey string
@secure()
param slackPreviousTokenEncryptionKey string
@allowed([
  'ManagedIdentity'
  'ClientSecret'
])
param teamsCredential string
param teamsAppId string
@secure()
param teamsAppPassword string
param teamsTenantId string
@secure()
param chartsSigningKey string
@secure()
param chartsPreviousSigningKey string
@secure()
param reflectionAnswerKey string

// The port the image listens on (the Dockerfile's ASPNETCORE_HTTP_PORTS).
var targetPort = 8080
// Until the first `azd deploy` pushes CoachBot's image there is nothing of ours to run; this public ASP.NET sample
// listens on the same port, so the first revision comes up and is replaced by the first deploy.
var placeholderImage = 'mcr.microsoft.com/dotnet/samples:aspnetapp'
var usePlaceholder = empty(webImageName)

var appName = 'ca-web-${resourceToken}'
// Slack over OAuth (many workspaces, /slack/install) when a client id is given, else one workspace with a bot token.
var slackOAuth = enableSlack && !empty(slackClientId)
var slackSingleWorkspace = enableSlack && !slackOAuth

// Built-in role definition ids (the same in every tenant).
var roles = {
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

// Every secret the host reads: its Key Vault secret (and Container App secret) name, the setting it becomes, and
// whether this deployment uses it. Only the ones in use are written: the host refuses to start on an empty credential.
var secretSettings = [
  { secret: 'slack-signing-secret', setting: 'Slack__SigningSecret', value: slackSigningSecret, used: enableSlack }
  { secret: 'slack-bot-token', setting: 'Slack__BotToken', value: slackBotToken, used: slackSingleWorkspace }
  { secret: 'slack-client-secret', setting: 'Slack__ClientSecret', value: slackClientSecret, used: slackOAuth }
  { secret: 'slack-token-encryption-key', setting: 'Slack__TokenEncryptionKey', value: slackTokenEncryptionKey, used: slackOAuth }
  { secret: 'teams-app-password', setting: 'Teams__AppPassword', value: teamsAppPassword, used: teamsPasswordUsed }
  { secret: 'charts-signing-key', setting: 'Charts__SigningKey', value: chartsSigningKey, used: true }
  // Only while a key rotation is under way (docs/operations.md, "Key rotation"; ADR 0032).
  { secret: 'slack-previous-token-encryption-key', setting: 'Slack__PreviousTokenEncryptionKey', value: slackPreviousTokenEncryptionKey, used: slackRotating }
  { secret: 'charts-previous-signing-key', setting: 'Charts__PreviousSigningKey', value: chartsPreviousSigningKey, used: chartsRotating }
  { secret: 'privacy-reflection-answer-key', setting: 'Privacy__ReflectionAnswerKey', value: reflectionAnswerKey, used: true }
]
var usedSecrets = filter(secretSettings, s => s.used)
var slackRotating = slackOAuth && !empty(slackPreviousTokenEncryptionKey)
var chartsRotating = !empty(chartsPreviousSigningKey)

// Keyless Teams (ADR 0032): the Azure Bot is registered with the app's own user-assigned identity, whose client id is
// then the bot's app id; the host asks the platform's identity endpoint for connector tokens.
var teamsKeyless = teamsCredential == 'ManagedIdentity'
var botAppId = teamsKeyless ? identity.properties.clientId : teamsAppId
var teamsPasswordUsed = enableTeams && !teamsKeyless

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-web-${resourceToken}'
  location: location
  tags: tags
}

// Logs and telemetry -------------------------------------------------------------------------------------------------

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${resourceToken}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${resourceToken}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// Registry -----------------------------------------------------------------------------------------------------------

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'cr${resourceToken}'
  location: location
  tags: tags
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
  }
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, roles.acrPull)
  scope: registry
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
  }
}

// Table Storage, reached only with the identity (no account key exists for anyone to use) ----------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${resourceToken}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource storageTableData 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

// Key Vault: the secrets, readable by the identity only ----------------------------------------------------------------

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${resourceToken}'
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource vaultSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for s in secretSettings: if (s.used) {
    parent: vault
    name: s.secret
    properties: {
      value: s.value
    }
  }
]

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

// Container Apps ---------------------------------------------------------------------------------------------------

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-${resourceToken}'
  location: location
  tags: tags
  properties: {
    // Console and system logs go to Log Analytics through the diagnostic setting below: no workspace key needed.
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
  }
}

resource environmentLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: environment
  properties: {
    workspaceId: logs.id
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

var appHost = '${appName}.${environment.properties.defaultDomain}'
var appUri = 'https://${appHost}'

// Settings that are not secrets, in groups by when they apply. Names are CoachBot settings (Section__Key,
// checked against the options classes by tests/CoachBot.Infra.Tests, which also reads these groups to prove that
// every Slack / Teams combination starts the host in production mode) or platform variables.
var baseSettings = [
  // Selects the user-assigned identity for DefaultAzureCredential (storage).
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  // Production, stated: local mode (open /api/local, clock travel) must never start here.
  { name: 'Local__Enabled', value: 'false' }
  // Keyless storage (ADR 0027): the table endpoint and no connection string.
  { name: 'Storage__ServiceUri', value: storage.properties.primaryEndpoints.table }
  { name: 'Storage__ConnectionString', value: '' }
  { name: 'Charts__PublicBaseUrl', value: appUri }
  // The ingress ends TLS and forwards plain http: take the scheme and host from its X-Forwarded-* headers, for the
  // app's own host only (ADR 0031), so OAuth cookies are Secure and links use https.
  { name: 'ForwardedHeaders__Enabled', value: 'true' }
  { name: 'ForwardedHeaders__AllowedHosts', value: appHost }
  { name: 'Telemetry__JsonLogs', value: 'true' }
  // Named on the public privacy, terms and support pages (ADR 0031); empty values mean the generic wording.
  { name: 'Support__OperatorName', value: supportOperatorName }
  { name: 'Support__Contact', value: supportContact }
]
var slackSettings = [
  // Each replica paces itself at 1/N of Slack's per-method limits, so all of them together stay under Slack's (ADR 0029).
  { name: 'Slack__Replicas', value: string(maxReplicas) }
]
var slackOAuthSettings = [
  { name: 'Slack__ClientId', value: slackClientId }
  { name: 'Slack__RedirectUri', value: '${appUri}/slack/oauth' }
]
var teamsSettings = [
  { name: 'Teams__AppId', value: botAppId }
  { name: 'Teams__TenantId', value: teamsTenantId }
  { name: 'Teams__Credential', value: teamsCredential }
]

var probePort = targetPort
var httpProbes = [
  {
    type: 'Startup'
    httpGet: {
      path: '/healthz'
      port: probePort
    }
    periodSeconds: 5
    failureThreshold: 24
  }
  {
    type: 'Liveness'
    httpGet: {
      path: '/healthz'
      port: probePort
    }
    periodSeconds: 15
    failureThreshold: 3
  }
  {
    type: 'Readiness'
    httpGet: {
      path: '/readyz'
      port: probePort
    }
    periodSeconds: 10
    failureThreshold: 3
  }
]
// The placeholder serves neither /healthz nor /readyz; an open port is all it can show.
var placeholderProbes = [
  {
    type: 'Liveness'
    tcpSocket: {
      port: probePort
    }
  }
  {
    type: 'Readiness'
    tcpSocket: {
      port: probePort
    }
  }
]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'web' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      // One revision at a time: a new one starts, becomes ready, takes the traffic, then the old one stops.
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: targetPort
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registry.properties.loginServer
          identity: identity.id
        }
      ]
      secrets: [
        for s in usedSecrets: {
          name: s.secret
          keyVaultUrl: '${vault.properties.vaultUri}secrets/${s.secret}'
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'web'
          image: usePlaceholder ? placeholderImage : webImageName
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(baseSettings, enableSlack ? slackSettings : [], slackOAuth ? slackOAuthSettings : [], enableTeams ? teamsSettings : [], map(usedSecrets, s => { name: s.setting, secretRef: s.secret }))
          probes: usePlaceholder ? placeholderProbes : httpProbes
        }
      ]
      scale: {
        // Never zero: the scheduler runs inside the host, so someone must always be awake to send nudges.
        minReplicas: 1
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
  dependsOn: [
    acrPull
    vaultSecretsUser
    vaultSecrets
    storageTableData
  ]
}

// Azure Bot for Teams (single tenant), only when Teams is on --------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = if (enableTeams) {
  name: 'bot-${resourceToken}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: 'CoachBot'
    endpoint: '${appUri}/api/messages'
    msaAppId: botAppId
    msaAppTenantId: teamsTenantId
    msaAppType: teamsKeyless ? 'UserAssignedMSI' : 'SingleTenant'
    msaAppMSIResourceId: teamsKeyless ? identity.id : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = if (enableTeams) {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output registryLoginServer string = registry.properties.loginServer
output registryName string = registry.name
output environmentName string = environment.name
output keyVaultName string = vault.name
output storageAccountName string = storage.name
output appName string = app.name
output appUri string = appUri
output teamsAppId string = botAppId
output appHost string = appHost
