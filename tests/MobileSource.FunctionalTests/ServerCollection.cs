namespace MobileSource.FunctionalTests;

/// <summary>One server for all functional tests: starting one costs a migration run. Tests use distinct plates.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}

public sealed class ServerFixture : IDisposable
{
    public ServerFactory Factory { get; } = new();
    public ApiDriver Api { get; }

    public ServerFixture()
    {
        Api = new ApiDriver(() => Factory.CreateClient(), ServerFactory.AdminKey);
    }

    public void Dispose() => Factory.Dispose();
}
