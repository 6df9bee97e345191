namespace Fupin.Web.Resources;

/// <summary>
/// Marker for the UI text resources. Keys are the Chinese text itself (zh-CN is the neutral culture),
/// so a page reads naturally and Strings.en.resx can translate it later.
/// </summary>
public sealed class Strings;
