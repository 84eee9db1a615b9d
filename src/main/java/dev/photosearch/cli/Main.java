package dev.photosearch.cli;
public class Main { public static void main(String[] a) {} }
