using MobileSource.Domain.Plates;
using MobileSource.Vision.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Tests.Plates;

public sealed class PlateVoteTests
{
    private static PlateRead Read(string text, double confidence, int width = 90, PlateColour colour = PlateColour.Blue) =>
        new(text, confidence, colour, new Rect(0, 0, width, width * 140 / 440));

    [Fact]
    public void No_reads_no_winner()
    {
        Assert.Null(new PlateVote().Winner());
    }

    [Fact]
    public void The_majority_wins_over_a_more_confident_single_read()
    {
        var vote = new PlateVote();
        vote.Add(Read("豫F12345", 0.8));
        vote.Add(Read("豫F12345", 0.8));
        vote.Add(Read("豫F12346", 0.95));
        vote.Add(Read("豫F12345", 0.75));

        var winner = vote.Winner();

        Assert.NotNull(winner);
        Assert.Equal("豫F12345", winner.Text);
        Assert.Equal(3, winner.AgreeingReads);
        Assert.Equal(4, winner.TotalReads);
    }

    [Fact]
    public void A_large_sharp_read_outweighs_small_blurry_ones()
    {
        var vote = new PlateVote();
        vote.Add(Read("豫F1Z345", 0.65, width: 40));
        vote.Add(Read("豫F1Z345", 0.62, width: 40));
        vote.Add(Read("豫F12345", 0.99, width: 200));

        Assert.Equal("豫F12345", vote.Winner()!.Text);
    }

    [Fact]
    public void Disagreement_lowers_the_confidence_and_agreement_keeps_it()
    {
        var agreeing = new PlateVote();
        var split = new PlateVote();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            agreeing.Add(Read("豫F12345", 0.9));
            split.Add(Read("豫F12345", 0.9));
        }
        split.Add(Read("豫F12845", 0.9));
        split.Add(Read("豫F12845", 0.9));

        Assert.Equal(0.9, agreeing.Winner()!.Confidence, 6);
        Assert.InRange(split.Winner()!.Confidence, 0.55, 0.65);
    }

    [Fact]
    public void Characters_are_voted_one_by_one_so_a_far_misread_province_is_outvoted_by_near_reads()
    {
        var vote = new PlateVote();
        vote.Add(Read("豫F13340", 0.9, width: 70)); // near: the province glyph is legible
        vote.Add(Read("豫F13340", 0.9, width: 65));
        vote.Add(Read("皖F13340", 0.95, width: 45)); // far: the glyph is a blur
        vote.Add(Read("皖F13846", 0.9, width: 42));
        vote.Add(Read("豫F18340", 0.85, width: 60));

        var winner = vote.Winner()!;

        Assert.Equal("豫F13340", winner.Text);
        Assert.Equal(2, winner.AgreeingReads);
        Assert.True(winner.Confidence < 0.9, $"disagreeing reads lower the confidence, got {winner.Confidence}");
    }

    [Fact]
    public void The_voted_plate_may_be_one_no_single_read_had()
    {
        var vote = new PlateVote();
        vote.Add(Read("豫F12345", 0.9, width: 90));
        vote.Add(Read("皖F12346", 0.9, width: 60));
        vote.Add(Read("鲁F12346", 0.9, width: 60));

        var winner = vote.Winner()!;

        Assert.Equal("豫F12346", winner.Text);
        Assert.Equal(0, winner.AgreeingReads);
    }

    [Fact]
    public void A_track_whose_voted_plate_no_read_had_still_reports_it_with_a_box()
    {
        using var evidence = new MobileSource.Vision.Analysis.TrackEvidence();
        using var frame = new Mat(720, 1280, MatType.CV_8UC3, Scalar.All(90));
        evidence.AddPlate(new PlateRead("豫F12345", 0.9, PlateColour.Yellow, new Rect(100, 100, 90, 28)), frame);
        evidence.AddPlate(new PlateRead("皖F12346", 0.9, PlateColour.Yellow, new Rect(300, 100, 60, 19)), frame);
        evidence.AddPlate(new PlateRead("鲁F12346", 0.95, PlateColour.Yellow, new Rect(500, 100, 60, 19)), frame);

        var plate = evidence.Plate!;

        Assert.Equal("豫F12346", plate.Text);
        Assert.Equal(new Rect(500, 100, 60, 19), plate.Box);
    }

    [Fact]
    public void Reads_of_another_length_do_not_mix_into_the_characters()
    {
        var vote = new PlateVote();
        vote.Add(Read("豫FD12345", 0.9, colour: PlateColour.Green)); // a new-energy plate: 8 characters
        vote.Add(Read("豫FD12345", 0.9, colour: PlateColour.Green));
        vote.Add(Read("豫F12345", 0.7));

        var winner = vote.Winner()!;

        Assert.Equal("豫FD12345", winner.Text);
        Assert.Equal(PlateColour.Green, winner.Colour);
    }

    [Fact]
    public void The_colour_is_the_weighted_majority_of_the_winning_reads()
    {
        var vote = new PlateVote();
        vote.Add(Read("豫F12345", 0.9, colour: PlateColour.Yellow));
        vote.Add(Read("豫F12345", 0.9, colour: PlateColour.Yellow));
        vote.Add(Read("豫F12345", 0.9, colour: PlateColour.Green));
        vote.Add(Read("豫F99999", 0.9, colour: PlateColour.Blue));

        Assert.Equal(PlateColour.Yellow, vote.Winner()!.Colour);
    }
}
