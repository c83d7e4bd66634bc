namespace SupportBot.Recognition.Entities;

/// <summary>Where an IPv4 address can be reached from, as far as the address alone tells.</summary>
public enum IpScope
{
    /// <summary>Routable on the internet (the documentation ranges 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24 count as public: they stand in for public addresses).</summary>
    Public,

    /// <summary>RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 — a LAN address.</summary>
    Private,

    /// <summary>127.0.0.0/8.</summary>
    Loopback,

    /// <summary>169.254.0.0/16: the device gave itself an address because no DHCP server answered.</summary>
    LinkLocal,

    /// <summary>100.64.0.0/10: behind the carrier's NAT, so port forwarding on the customer's router cannot work.</summary>
    CarrierGradeNat,

    /// <summary>0.0.0.0/8, multicast 224.0.0.0/4, and 240.0.0.0/4 including the broadcast address.</summary>
    Reserved,
}
