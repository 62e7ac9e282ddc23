package com.carcatalog.ingest.workflow;

/** CSV rows of a few cars the workflow tests load, remove and replace. */
final class SampleCars {

    static final String YARIS = "Toyota,Yaris,Passenger Car,Hatchback,1.0L I3,Petrol,Manual,NA";
    static final String YARIS_CVT = "Toyota,Yaris,Passenger Car,Hatchback,1.5L I3,Petrol,Automatic,CVT";
    static final String EV6 = "Kia,EV6,Passenger Car,SUV,77 kWh,Electric,Automatic,NA";
    static final String GOLF = "Volkswagen,Golf,Passenger Car,Hatchback,1.5 TSI,Petrol,Manual,NA";
    static final String ENYAQ = "Škoda,Enyaq,Passenger Car,SUV,77 kWh,Electric,Automatic,NA";
    static final String ID4 = "Volkswagen,ID.4,Passenger Car,SUV,77 kWh,Electric,Automatic,NA";

    private SampleCars() {
    }
}
