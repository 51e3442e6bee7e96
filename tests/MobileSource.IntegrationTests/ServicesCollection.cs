namespace MobileSource.IntegrationTests;

/// <summary>Sequential: one test stops the broker, which the others must not feel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServicesCollection : ICollectionFixture<Services>
{
    public const string Name = "postgres + rabbitmq";
}
