namespace NoticeGen.Init;

/// <summary>One file 'noticegen init' writes: its path in the new site ('/'-separated) and its bytes.</summary>
public sealed record StarterFile(string Path, byte[] Content);
