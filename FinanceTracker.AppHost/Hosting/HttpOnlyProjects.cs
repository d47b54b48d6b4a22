namespace FinanceTracker.AppHost.Hosting;

public static class HttpOnlyProjects
{
    /// <summary>
    /// The apps speak plain http behind the AppHost (published, TLS ends at the ingress), so they are not handed the
    /// HTTPS development certificate, and the dashboard does not warn where none is trusted (a fresh machine, CI).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithoutDevelopmentCertificate(this IResourceBuilder<ProjectResource> project)
    {
#pragma warning disable ASPIRECERTIFICATES001 // evaluation API; removing it later only brings the warning back
        return project.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }
}
