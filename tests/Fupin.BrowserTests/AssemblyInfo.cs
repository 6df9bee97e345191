// The browser tests drive Debian's Chromium, nginx and PostgreSQL: they run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
