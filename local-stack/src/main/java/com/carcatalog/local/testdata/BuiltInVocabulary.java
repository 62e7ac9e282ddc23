package com.carcatalog.local.testdata;

import java.util.ArrayList;
import java.util.List;

/**
 * The generator's built-in vocabulary: for every manufacturer of {@code test-data/cars.csv}, a
 * few of its models with their shapes and powertrains, copied from that file (a test keeps the
 * two in agreement). Manufacturers are listed most popular first.
 *
 * <p>The table reads: {@code @Manufacturer}; then per model a line
 * {@code Model | vehicletype/bodytype, ...} followed by indented powertrains
 * {@code engine, fuel, gearbox} separated by {@code ;}, where gearbox is {@code Manual} or the
 * automatic's type, and electric powertrains name only engine and fuel.
 */
final class BuiltInVocabulary {

    private static final String TABLE = """
            @Toyota
            Yaris | Passenger Car/Hatchback
                1.0L I3 VVT-i, Petrol, Manual; 1.5L I3 Dual VVT-i, Petrol, Manual
                1.5L I3 Dual VVT-i, Petrol, CVT; 1.5L I3 Hybrid, Hybrid, e-CVT
            Yaris Cross | SUV/Crossover
                1.5L I3 Hybrid, Hybrid, e-CVT; 1.5L I3 Dual VVT-i, Petrol, Manual
                1.5L I3 Hybrid AWD-i, Hybrid, e-CVT
            Corolla | Passenger Car/Hatchback, Passenger Car/Sedan, Passenger Car/Estate
                1.8L I4 Hybrid, Hybrid, e-CVT; 2.0L I4 Hybrid, Hybrid, e-CVT; 1.2L I4 Turbo, Petrol, Manual
                1.5L I3 Dual VVT-i, Petrol, CVT
            bZ4X | SUV/SUV
                Electric 150 kW, Electric; Electric 160 kW AWD, Electric
            @Volkswagen
            Polo | Passenger Car/Hatchback
                1.0L I3 MPI, Petrol, Manual; 1.0L I3 TSI, Petrol, Manual; 1.0L I3 TSI, Petrol, DCT
                2.0L I4 TSI GTI, Petrol, DCT
            Golf | Passenger Car/Hatchback, Passenger Car/Estate
                1.5L I4 TSI, Petrol, Manual; 1.5L I4 eTSI Mild Hybrid, Hybrid, DCT
                2.0L I4 TDI, Diesel, Manual; 2.0L I4 TDI, Diesel, DCT; 1.5L I4 eHybrid, Plug-in Hybrid, DCT
                2.0L I4 TSI GTI, Petrol, DCT; 2.0L I4 TSI GTI, Petrol, Manual; 2.0L I4 TSI R, Petrol, DCT
            Passat | Passenger Car/Estate
                2.0L I4 TDI, Diesel, DCT; 1.5L I4 eTSI Mild Hybrid, Hybrid, DCT
                1.5L I4 eHybrid, Plug-in Hybrid, DCT; 2.0L I4 TDI 4Motion, Diesel, DCT
            ID.3 | Passenger Car/Hatchback
                Electric 150 kW, Electric; Electric 170 kW, Electric; Electric 240 kW GTX, Electric
            @Ford
            Fiesta | Passenger Car/Hatchback
                1.0L I3 EcoBoost, Petrol, Manual; 1.0L I3 EcoBoost Mild Hybrid, Hybrid, Manual
                1.0L I3 EcoBoost, Petrol, DCT; 1.5L I3 EcoBoost ST, Petrol, Manual
            Focus | Passenger Car/Hatchback, Passenger Car/Estate
                1.0L I3 EcoBoost Mild Hybrid, Hybrid, Manual; 1.0L I3 EcoBoost Mild Hybrid, Hybrid, DCT
                1.5L I4 EcoBlue, Diesel, Manual; 2.3L I4 EcoBoost ST, Petrol, Manual
                2.3L I4 EcoBoost ST, Petrol, Torque Converter; 1.5L I4 EcoBlue, Diesel, Torque Converter
                1.0L I3 EcoBoost, Petrol, Manual
            Puma | SUV/Crossover
                1.0L I3 EcoBoost Mild Hybrid, Hybrid, Manual; 1.0L I3 EcoBoost Mild Hybrid, Hybrid, DCT
                1.5L I3 EcoBoost ST, Petrol, Manual
            Puma Gen-E | SUV/Crossover
                Electric 124 kW, Electric
            @Hyundai
            i10 | Passenger Car/Hatchback
                1.0L I3 MPi, Petrol, Manual; 1.0L I3 MPi, Petrol, AMT; 1.2L I4 MPi, Petrol, Manual
            i20 | Passenger Car/Hatchback
                1.0L I3 T-GDi, Petrol, Manual; 1.0L I3 T-GDi Mild Hybrid, Hybrid, DCT
                1.2L I4 MPi, Petrol, Manual
            i30 | Passenger Car/Hatchback, Passenger Car/Estate
                1.5L I4 T-GDi Mild Hybrid, Hybrid, Manual; 1.5L I4 T-GDi Mild Hybrid, Hybrid, DCT
                1.6L I4 CRDi, Diesel, DCT; 1.0L I3 T-GDi, Petrol, Manual
            IONIQ 5 | SUV/Crossover
                Electric 125 kW, Electric; Electric 168 kW, Electric; Electric 239 kW AWD, Electric
                Electric 478 kW AWD, Electric
            @Kia
            Picanto | Passenger Car/Hatchback
                1.0L I3 MPi, Petrol, Manual; 1.0L I3 MPi, Petrol, AMT; 1.2L I4 MPi, Petrol, Manual
            Ceed | Passenger Car/Hatchback, Passenger Car/Estate
                1.0L I3 T-GDi, Petrol, Manual; 1.5L I4 T-GDi, Petrol, DCT; 1.6L I4 CRDi, Diesel, DCT
                1.6L I4 GDi Plug-in Hybrid, Plug-in Hybrid, DCT
            XCeed | SUV/Crossover
                1.0L I3 T-GDi, Petrol, Manual; 1.5L I4 T-GDi, Petrol, DCT
                1.6L I4 GDi Plug-in Hybrid, Plug-in Hybrid, DCT
            EV3 | SUV/Crossover
                Electric 150 kW, Electric
            @Renault
            Clio | Passenger Car/Hatchback
                1.0L I3 TCe, Petrol, Manual; 1.6L I4 E-Tech Full Hybrid, Hybrid, AMT
                1.5L I4 Blue dCi, Diesel, Manual
            Captur | SUV/Crossover
                1.0L I3 TCe, Petrol, Manual; 1.3L I4 TCe Mild Hybrid, Hybrid, DCT
                1.6L I4 E-Tech Full Hybrid, Hybrid, AMT; 1.6L I4 E-Tech Plug-in Hybrid, Plug-in Hybrid, AMT
            Megane E-Tech Electric | SUV/Crossover
                Electric 96 kW, Electric; Electric 160 kW, Electric
            @Peugeot
            208 | Passenger Car/Hatchback
                1.2L I3 PureTech, Petrol, Manual; 1.2L I3 PureTech, Petrol, Torque Converter
                1.2L I3 Turbo Hybrid, Hybrid, DCT
            e-208 | Passenger Car/Hatchback
                Electric 100 kW, Electric; Electric 115 kW, Electric
            308 | Passenger Car/Hatchback, Passenger Car/Estate
                1.2L I3 PureTech, Petrol, Manual; 1.5L I4 BlueHDi, Diesel, Torque Converter
                1.6L I4 Plug-in Hybrid, Plug-in Hybrid, Torque Converter; 1.2L I3 Turbo Hybrid, Hybrid, DCT
            @BMW
            1 Series | Passenger Car/Hatchback
                1.5L I3 Turbo, Petrol, DCT; 2.0L I4 Turbo Diesel, Diesel, DCT
                2.0L I4 Turbo M135, Petrol, DCT
            2 Series | Passenger Car/Coupe
                2.0L I4 Turbo, Petrol, Torque Converter; 3.0L I6 Turbo M240i, Petrol, Torque Converter
            2 Series Active Tourer | Passenger Car/MPV
                1.5L I3 Turbo, Petrol, DCT; 1.5L I3 Plug-in Hybrid, Plug-in Hybrid, DCT
                2.0L I4 Turbo Diesel, Diesel, DCT
            i5 | Passenger Car/Sedan
                Electric 250 kW, Electric; Electric 442 kW AWD, Electric
            @Mercedes-Benz
            A-Class | Passenger Car/Hatchback, Passenger Car/Sedan
                1.3L I4 Turbo, Petrol, DCT; 2.0L I4 Turbo Diesel, Diesel, DCT
                1.3L I4 Plug-in Hybrid, Plug-in Hybrid, DCT; 2.0L I4 Turbo AMG, Petrol, DCT
            C-Class | Passenger Car/Sedan, Passenger Car/Estate
                1.5L I4 Turbo Mild Hybrid, Hybrid, Torque Converter
                2.0L I4 Turbo Diesel, Diesel, Torque Converter
                2.0L I4 Plug-in Hybrid, Plug-in Hybrid, Torque Converter
                2.0L I4 Turbo AMG, Petrol, Torque Converter
            E-Class | Passenger Car/Sedan, Passenger Car/Estate
                2.0L I4 Turbo Diesel, Diesel, Torque Converter
                2.0L I4 Plug-in Hybrid, Plug-in Hybrid, Torque Converter
                3.0L I6 Turbo Mild Hybrid, Hybrid, Torque Converter
            EQA | SUV/SUV
                Electric 140 kW, Electric; Electric 168 kW AWD, Electric
            @Škoda
            Fabia | Passenger Car/Hatchback
                1.0L I3 MPI, Petrol, Manual; 1.0L I3 TSI, Petrol, Manual; 1.0L I3 TSI, Petrol, DCT
                1.5L I4 TSI, Petrol, DCT
            Scala | Passenger Car/Hatchback
                1.0L I3 TSI, Petrol, Manual; 1.0L I3 TSI, Petrol, DCT; 1.5L I4 TSI, Petrol, DCT
            Octavia | Passenger Car/Liftback, Passenger Car/Estate
                1.5L I4 TSI, Petrol, Manual; 1.5L I4 eTSI Mild Hybrid, Hybrid, DCT
                2.0L I4 TDI, Diesel, Manual; 2.0L I4 TDI, Diesel, DCT; 1.4L I4 TSI iV, Plug-in Hybrid, DCT
                2.0L I4 TSI RS, Petrol, DCT; 2.0L I4 TDI 4x4, Diesel, DCT
            Enyaq | SUV/SUV
                Electric 150 kW, Electric; Electric 210 kW, Electric; Electric 250 kW AWD, Electric
            @Audi
            A1 | Passenger Car/Hatchback
                1.0L I3 TFSI, Petrol, Manual; 1.0L I3 TFSI, Petrol, DCT; 1.5L I4 TFSI, Petrol, DCT
            A3 | Passenger Car/Hatchback, Passenger Car/Sedan
                1.5L I4 TFSI, Petrol, Manual; 1.5L I4 TFSI Mild Hybrid, Hybrid, DCT
                2.0L I4 TDI, Diesel, DCT; 1.5L I4 TFSI e, Plug-in Hybrid, DCT; 2.0L I4 TFSI S3, Petrol, DCT
            A4 | Passenger Car/Sedan, Passenger Car/Estate
                2.0L I4 TFSI Mild Hybrid, Hybrid, DCT; 2.0L I4 TDI, Diesel, DCT
                3.0L V6 TDI, Diesel, Torque Converter
            A6 e-tron | Passenger Car/Liftback
                Electric 270 kW, Electric; Electric 340 kW AWD, Electric
            @Dacia
            Sandero | Passenger Car/Hatchback
                1.0L I3 SCe, Petrol, Manual; 1.0L I3 TCe, Petrol, Manual; 1.0L I3 TCe, Petrol, CVT
            Sandero Stepway | SUV/Crossover
                1.0L I3 TCe, Petrol, Manual; 1.0L I3 TCe, Petrol, CVT
            Duster | SUV/SUV
                1.0L I3 TCe, Petrol, Manual; 1.2L I3 TCe Mild Hybrid 4x4, Hybrid, Manual
                1.6L I4 Hybrid 140, Hybrid, AMT; 1.5L I4 Blue dCi, Diesel, Manual
            Spring | Passenger Car/Hatchback
                Electric 33 kW, Electric; Electric 48 kW, Electric
            @Nissan
            Micra | Passenger Car/Hatchback
                1.0L I3 IG-T, Petrol, Manual; 1.0L I3 IG-T, Petrol, CVT
            Juke | SUV/Crossover
                1.0L I3 DIG-T, Petrol, Manual; 1.0L I3 DIG-T, Petrol, DCT; 1.6L I4 Hybrid, Hybrid, AMT
            Qashqai | SUV/Crossover
                1.3L I4 DIG-T Mild Hybrid, Hybrid, Manual; 1.3L I4 DIG-T Mild Hybrid, Hybrid, CVT
            Leaf | Passenger Car/Hatchback
                Electric 110 kW, Electric; Electric 160 kW, Electric
            @Opel
            Corsa | Passenger Car/Hatchback
                1.2L I3, Petrol, Manual; 1.2L I3 Turbo, Petrol, Torque Converter
                1.2L I3 Turbo Hybrid, Hybrid, DCT; Electric 100 kW, Electric; Electric 115 kW, Electric
            Astra | Passenger Car/Hatchback, Passenger Car/Estate
                1.2L I3 Turbo, Petrol, Manual; 1.5L I4 Diesel, Diesel, Torque Converter
                1.6L I4 Plug-in Hybrid, Plug-in Hybrid, Torque Converter; Electric 115 kW, Electric
            Mokka | SUV/Crossover
                1.2L I3 Turbo, Petrol, Manual; 1.2L I3 Turbo Hybrid, Hybrid, DCT; Electric 115 kW, Electric
            @Citroën
            C3 | Passenger Car/Hatchback
                1.2L I3 PureTech, Petrol, Manual; 1.2L I3 Turbo Hybrid, Hybrid, DCT
            ë-C3 | Passenger Car/Hatchback
                Electric 83 kW, Electric
            C3 Aircross | SUV/Crossover
                1.2L I3 PureTech, Petrol, Manual; 1.2L I3 Turbo Hybrid, Hybrid, DCT
                Electric 83 kW, Electric
            @Tesla
            Model 3 | Passenger Car/Sedan
                Electric 208 kW, Electric; Electric 366 kW AWD, Electric; Electric 460 kW AWD, Electric
            Model Y | SUV/Crossover
                Electric 220 kW, Electric; Electric 378 kW AWD, Electric; Electric 393 kW AWD, Electric
            Model S | Passenger Car/Liftback
                Electric 500 kW AWD, Electric; Electric 750 kW AWD, Electric
            @Honda
            Jazz | Passenger Car/Hatchback
                1.5L I4 e:HEV, Hybrid, e-CVT
            Civic | Passenger Car/Hatchback
                2.0L I4 e:HEV, Hybrid, e-CVT; 2.0L I4 VTEC Turbo Type R, Petrol, Manual
            HR-V | SUV/Crossover
                1.5L I4 e:HEV, Hybrid, e-CVT
            e:Ny1 | SUV/Crossover
                Electric 150 kW, Electric
            @Mazda
            Mazda2 | Passenger Car/Hatchback
                1.5L I4 Skyactiv-G, Petrol, Manual; 1.5L I4 Skyactiv-G, Petrol, Torque Converter
            Mazda2 Hybrid | Passenger Car/Hatchback
                1.5L I3 Hybrid, Hybrid, e-CVT
            Mazda3 | Passenger Car/Hatchback, Passenger Car/Sedan
                2.0L I4 e-Skyactiv G, Hybrid, Manual; 2.0L I4 e-Skyactiv G, Hybrid, Torque Converter
                2.0L I4 e-Skyactiv X, Hybrid, Manual; 2.5L I4 Skyactiv-G Turbo, Petrol, Torque Converter
            MX-30 | SUV/Crossover
                Electric 107 kW, Electric
            @Volvo
            EX30 | SUV/Crossover
                Electric 200 kW, Electric; Electric 315 kW AWD, Electric
            XC40 | SUV/SUV
                2.0L I4 B3 Mild Hybrid, Hybrid, DCT; 2.0L I4 B4 Mild Hybrid, Hybrid, DCT
            EX40 | SUV/SUV
                Electric 175 kW, Electric; Electric 300 kW AWD, Electric
            @Fiat
            500 | Passenger Car/Hatchback
                1.0L I3 Mild Hybrid, Hybrid, Manual; 1.2L I4 Fire, Petrol, Manual
            500e | Passenger Car/Hatchback, Passenger Car/Convertible
                Electric 70 kW, Electric; Electric 87 kW, Electric
            Panda | Passenger Car/Hatchback
                1.0L I3 Mild Hybrid, Hybrid, Manual; 1.2L I4 Fire, Petrol, Manual
            @SEAT
            Ibiza | Passenger Car/Hatchback
                1.0L I3 MPI, Petrol, Manual; 1.0L I3 TSI, Petrol, Manual; 1.0L I3 TSI, Petrol, DCT
                1.5L I4 TSI, Petrol, DCT
            Leon | Passenger Car/Hatchback, Passenger Car/Estate
                1.5L I4 TSI, Petrol, Manual; 1.5L I4 eTSI Mild Hybrid, Hybrid, DCT
                2.0L I4 TDI, Diesel, Manual; 2.0L I4 TDI, Diesel, DCT; 1.5L I4 e-Hybrid, Plug-in Hybrid, DCT
            Arona | SUV/Crossover
                1.0L I3 TSI, Petrol, Manual; 1.0L I3 TSI, Petrol, DCT; 1.5L I4 TSI, Petrol, DCT
            @Cupra
            Born | Passenger Car/Hatchback
                Electric 150 kW, Electric; Electric 170 kW, Electric; Electric 240 kW, Electric
            Formentor | SUV/Crossover
                1.5L I4 TSI, Petrol, DCT; 1.5L I4 e-Hybrid, Plug-in Hybrid, DCT; 2.0L I4 TSI VZ, Petrol, DCT
            Tavascan | SUV/Crossover
                Electric 210 kW, Electric; Electric 250 kW AWD, Electric
            @Mini
            Cooper | Passenger Car/Hatchback, Passenger Car/Convertible
                1.5L I3 Turbo, Petrol, DCT; 2.0L I4 Turbo S, Petrol, DCT; Electric 135 kW, Electric
                Electric 160 kW, Electric; 1.5L I3 Turbo, Petrol, Manual
            Countryman | SUV/Crossover
                1.5L I3 Turbo, Petrol, DCT; 2.0L I4 Turbo S ALL4, Petrol, DCT; Electric 150 kW, Electric
                Electric 230 kW AWD, Electric
            Aceman | SUV/Crossover
                Electric 135 kW, Electric; Electric 160 kW, Electric
            @Suzuki
            Swift | Passenger Car/Hatchback
                1.2L I3 Mild Hybrid, Hybrid, Manual; 1.2L I3 Mild Hybrid, Hybrid, CVT
            Ignis | Passenger Car/Hatchback
                1.2L I4 Mild Hybrid, Hybrid, Manual; 1.2L I4 Mild Hybrid, Hybrid, CVT
            Vitara | SUV/SUV
                1.4L I4 BoosterJet Mild Hybrid, Hybrid, Manual; 1.5L I4 Full Hybrid, Hybrid, AMT
            @BYD
            Dolphin | Passenger Car/Hatchback
                Electric 70 kW, Electric; Electric 150 kW, Electric
            Dolphin Surf | Passenger Car/Hatchback
                Electric 65 kW, Electric; Electric 115 kW, Electric
            Atto 3 | SUV/Crossover
                Electric 150 kW, Electric
            @MG
            MG4 | Passenger Car/Hatchback
                Electric 125 kW, Electric; Electric 150 kW, Electric; Electric 320 kW AWD, Electric
            ZS | SUV/Crossover
                1.5L I4 VTi-Tech, Petrol, Manual; 1.0L I3 T-GDI, Petrol, Torque Converter
                Electric 115 kW, Electric
            HS | SUV/SUV
                1.5L I4 T-GDI, Petrol, Manual; 1.5L I4 T-GDI, Petrol, DCT
            @Jeep
            Avenger | SUV/Crossover
                1.2L I3 Turbo, Petrol, Manual; 1.2L I3 Turbo Hybrid, Hybrid, DCT; Electric 115 kW, Electric
            Renegade | SUV/SUV
                1.5L I4 e-Hybrid, Hybrid, DCT; 1.3L I4 4xe Plug-in Hybrid, Plug-in Hybrid, Torque Converter
            Compass | SUV/SUV
                1.5L I4 e-Hybrid, Hybrid, DCT; 1.3L I4 4xe Plug-in Hybrid, Plug-in Hybrid, Torque Converter
            @Land Rover
            Range Rover Evoque | SUV/SUV
                2.0L I4 P200 Mild Hybrid, Hybrid, Torque Converter
                2.0L I4 D200 Mild Hybrid, Diesel, Torque Converter
                1.5L I3 P300e Plug-in Hybrid, Plug-in Hybrid, Torque Converter
            Range Rover Velar | SUV/SUV
                2.0L I4 P250, Petrol, Torque Converter
                2.0L I4 P400e Plug-in Hybrid, Plug-in Hybrid, Torque Converter
                3.0L I6 D300 Mild Hybrid, Diesel, Torque Converter
            Range Rover Sport | SUV/SUV
                3.0L I6 P400 Mild Hybrid, Hybrid, Torque Converter
                3.0L I6 P510e Plug-in Hybrid, Plug-in Hybrid, Torque Converter
                4.4L V8 Twin-Turbo, Petrol, Torque Converter
                3.0L I6 D300 Mild Hybrid, Diesel, Torque Converter
            @Lexus
            LBX | SUV/Crossover
                1.5L I3 Hybrid, Hybrid, e-CVT
            UX | SUV/Crossover
                2.0L I4 Hybrid, Hybrid, e-CVT
            NX | SUV/SUV
                2.5L I4 Hybrid, Hybrid, e-CVT; 2.5L I4 Plug-in Hybrid, Plug-in Hybrid, e-CVT
            RZ | SUV/SUV
                Electric 150 kW, Electric; Electric 230 kW AWD, Electric
            @Subaru
            Impreza | Passenger Car/Hatchback
                2.0L F4 e-Boxer, Hybrid, CVT; 2.0L F4 Boxer, Petrol, CVT
            Crosstrek | SUV/Crossover
                2.0L F4 e-Boxer, Hybrid, CVT; 2.0L F4 Boxer, Petrol, CVT
            Forester | SUV/SUV
                2.0L F4 e-Boxer, Hybrid, CVT; 2.5L F4 Boxer, Petrol, CVT
            Solterra | SUV/SUV
                Electric 160 kW AWD, Electric
            @Porsche
            911 | Passenger Car/Coupe, Passenger Car/Convertible
                3.0L F6 Twin-Turbo, Petrol, DCT; 3.0L F6 Twin-Turbo, Petrol, Manual
                3.6L F6 T-Hybrid, Hybrid, DCT; 4.0L F6 GT3, Petrol, Manual; 4.0L F6 GT3, Petrol, DCT
            718 Cayman | Passenger Car/Coupe
                2.0L F4 Turbo, Petrol, Manual; 2.0L F4 Turbo, Petrol, DCT; 4.0L F6 GT4, Petrol, Manual
            718 Boxster | Passenger Car/Convertible
                2.0L F4 Turbo, Petrol, Manual; 2.0L F4 Turbo, Petrol, DCT; 4.0L F6 Spyder, Petrol, Manual
            Taycan | Passenger Car/Sedan, Passenger Car/Estate
                Electric 300 kW, Electric; Electric 440 kW AWD, Electric; Electric 700 kW AWD, Electric
                Electric 350 kW AWD, Electric
            @Polestar
            Polestar 2 | Passenger Car/Liftback
                Electric 200 kW, Electric; Electric 310 kW AWD, Electric; Electric 350 kW AWD, Electric
            Polestar 3 | SUV/SUV
                Electric 360 kW AWD, Electric; Electric 380 kW AWD, Electric
            Polestar 4 | SUV/Crossover
                Electric 200 kW, Electric; Electric 400 kW AWD, Electric
            @Alfa Romeo
            Giulia | Passenger Car/Sedan
                2.0L I4 Turbo, Petrol, Torque Converter; 2.2L I4 JTD, Diesel, Torque Converter
                2.9L V6 Bi-Turbo Quadrifoglio, Petrol, Torque Converter
            Stelvio | SUV/SUV
                2.0L I4 Turbo, Petrol, Torque Converter; 2.2L I4 JTD, Diesel, Torque Converter
                2.9L V6 Bi-Turbo Quadrifoglio, Petrol, Torque Converter
            Tonale | SUV/SUV
                1.5L I4 Turbo Hybrid, Hybrid, DCT
                1.3L I4 Plug-in Hybrid Q4, Plug-in Hybrid, Torque Converter; 1.6L I4 JTDm, Diesel, DCT
            @Chevrolet
            Silverado | Pickup Truck/Pickup
                5.3L V8, Petrol, Torque Converter; 6.2L V8, Petrol, Torque Converter
                3.0L I6 Duramax Diesel, Diesel, Torque Converter
            Silverado EV | Pickup Truck/Pickup
                Electric 380 kW AWD, Electric
            Corvette | Passenger Car/Coupe, Passenger Car/Convertible
                6.2L V8, Petrol, DCT; 5.5L V8 Z06, Petrol, DCT
            @Ram
            1500 | Pickup Truck/Pickup
                5.7L V8 HEMI eTorque, Hybrid, Torque Converter
                3.0L I6 Hurricane Twin-Turbo, Petrol, Torque Converter
            ProMaster | Van/Panel Van
                3.6L V6 Pentastar, Petrol, Torque Converter; Electric 200 kW, Electric
            """;

    static final Vocabulary VOCABULARY = parse(TABLE);

    private BuiltInVocabulary() {
    }

    static Vocabulary parse(String table) {
        TableReader reader = new TableReader();
        table.lines().filter(line -> !line.isBlank()).forEach(reader::read);
        return reader.finish();
    }

    private static List<BodyShape> parseShapes(String text) {
        List<BodyShape> shapes = new ArrayList<>();
        for (String shape : text.split(",")) {
            String[] parts = shape.split("/");
            shapes.add(new BodyShape(parts[0].strip(), parts[1].strip()));
        }
        return shapes;
    }

    private static Powertrain parsePowertrain(String text) {
        String[] parts = text.split(",");
        String engine = parts[0].strip();
        String fuel = parts[1].strip();
        if (parts.length == 2) {
            return Powertrain.electric(engine);
        }
        String gearbox = parts[2].strip();
        return Powertrain.MANUAL.equals(gearbox)
                ? Powertrain.manual(engine, fuel)
                : Powertrain.automatic(engine, fuel, gearbox);
    }

    /** Collects brands and models line by line; a model is complete when the next one starts. */
    private static final class TableReader {
        private final List<Brand> brands = new ArrayList<>();
        private String brand;
        private List<ModelLine> models = new ArrayList<>();
        private String model;
        private List<BodyShape> shapes = List.of();
        private List<Powertrain> powertrains = new ArrayList<>();

        void read(String line) {
            if (line.startsWith("@")) {
                finishBrand();
                brand = line.substring(1).strip();
            } else if (Character.isWhitespace(line.charAt(0))) {
                for (String powertrain : line.split(";")) {
                    powertrains.add(parsePowertrain(powertrain));
                }
            } else {
                finishModel();
                String[] parts = line.split("\\|");
                model = parts[0].strip();
                shapes = parseShapes(parts[1]);
            }
        }

        Vocabulary finish() {
            finishBrand();
            return new Vocabulary(brands);
        }

        private void finishModel() {
            if (model != null) {
                models.add(new ModelLine(model, shapes, powertrains));
                model = null;
                powertrains = new ArrayList<>();
            }
        }

        private void finishBrand() {
            finishModel();
            if (brand != null) {
                brands.add(new Brand(brand, models));
                models = new ArrayList<>();
            }
        }
    }
}
